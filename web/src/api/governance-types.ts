/**
 * The shapes of the governance API (guideline check, rules, guideline documents, training, review queue,
 * compliance, readiness). Kept beside types.ts rather than in it: the area is large and self-contained.
 */

export type Severity = 'block' | 'warn' | 'info';
export type ChannelOwnership = 'company' | 'personal';

export interface Localized {
  de: string;
  en: string;
}

/** Where a text goes; the check applies the rules in scope for it. */
export interface CheckContext {
  network?: string;
  channelOwnership?: ChannelOwnership;
  /** Defaults to the writer's own department; null for none. */
  departmentId?: string | null;
}

export interface GuidelineFinding {
  kind: string;
  /** UTF-16 offsets into the checked text, end exclusive; equal for findings about the text as a whole. */
  start: number;
  end: number;
  text: string;
  severity: Severity;
  rule: string;
  /** Guideline section id, also the anchor of its heading in the guideline document. */
  section: string;
  sectionTitle: string;
  label: string;
  explanation: string;
  detail?: string;
}

export interface GuidelineHighlight {
  start: number;
  end: number;
  severity: Severity;
  findings: number[];
}

export interface GuidelineCheckResult {
  policyVersion: number;
  blocked: boolean;
  warned: boolean;
  summary: string;
  highlights: GuidelineHighlight[];
  findings: GuidelineFinding[];
}

export interface PolicyVersion {
  version: number;
  note: string;
  createdAt: string;
  createdByLabel: string;
}

export interface StoredPolicy extends PolicyVersion {
  policy: Record<string, unknown>;
}

export interface Guideline {
  id: string;
  version: number;
  title: Localized;
  body: Localized;
  note: string;
  publishedAt: string;
  publishedByLabel: string;
}

export interface CurrentGuideline {
  current: Guideline | null;
  acknowledgedAt: string | null;
}

export interface GuidelineInput {
  title: Localized;
  body: Localized;
  note?: string;
}

export interface GuidelineVersion {
  version: number;
  title: Localized;
  note: string;
  publishedAt: string;
  publishedByLabel: string;
  acknowledgements: number;
}

export interface MissingRight {
  kind: 'acknowledgement' | 'training';
  id: string;
  title: string;
  /** The page in this app where the person fixes it. */
  path: string;
}

export interface ChannelRights {
  allowed: boolean;
  missing: MissingRight[];
}

export type PostingRights = Record<ChannelOwnership, ChannelRights>;

export interface QuizOption {
  id: string;
  text: Localized;
  /** Only for editors (asked for with answers=true). */
  correct?: boolean;
}

export interface QuizQuestion {
  id: string;
  kind: 'single' | 'multiple';
  prompt: Localized;
  options: QuizOption[];
}

export interface TrainingStatus {
  passed: boolean;
  bestScore: number | null;
  attempts: number;
  lastAttemptAt: string | null;
}

export interface TrainingSummary {
  id: string;
  title: Localized;
  summary: Localized;
  passMark: number;
  questionCount: number;
  requiredFor: Record<ChannelOwnership, boolean>;
  archived: boolean;
  revision: number;
  updatedAt: string;
  myStatus: TrainingStatus;
}

export interface Training extends TrainingSummary {
  content: Localized;
  questions: QuizQuestion[];
}

export interface TrainingInput {
  title: Localized;
  summary: Localized;
  content: Localized;
  questions: (Omit<QuizQuestion, 'options'> & { options: Required<QuizOption>[] })[];
  passMark: number;
  requiredFor: Record<ChannelOwnership, boolean>;
  archived?: boolean;
}

export interface AttemptResult {
  score: number;
  passed: boolean;
  passMark: number;
  correctCount: number;
  total: number;
  questions: { id: string; correct: boolean }[];
}

export interface GuidelineTemplates {
  guideline: { title: Localized; body: Localized };
  policy: Record<string, unknown>;
  trainings: TrainingInput[];
}

export type ReviewKind = 'override' | 'flagged';

export interface ReviewItem {
  id: string;
  kind: ReviewKind;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  text: string;
  policyVersion: number;
  reason: string | null;
  actorLabel: string;
  createdAt: string;
  reviewedAt: string | null;
  reviewedByLabel: string | null;
  reviewNote: string | null;
  /** The findings as they were when the text went out. */
  check: GuidelineCheckResult;
}

export interface ReviewFilter {
  status: 'open' | 'reviewed' | 'all';
  kind?: ReviewKind;
}

export interface ReviewPage {
  items: ReviewItem[];
  nextBefore: string | null;
}

export interface ComplianceReport {
  currentVersion: number | null;
  trainings: { id: string; title: string; requiredFor: Record<ChannelOwnership, boolean> }[];
  people: {
    userId: string;
    name: string;
    email: string;
    role: string;
    status: string;
    departmentName: string | null;
    acknowledgedVersion: number | null;
    acknowledgedAt: string | null;
    acknowledgedCurrent: boolean;
    trainings: { id: string; passed: boolean; bestScore: number | null; passedAt: string | null }[];
    companyAllowed: boolean;
    personalAllowed: boolean;
  }[];
}

export type ReadinessLevel = 'weak' | 'developing' | 'strong';

export interface ReadinessAssessment {
  id: string;
  createdAt: string;
  createdByLabel: string;
  overall: number;
  level: ReadinessLevel;
  answers: Record<string, number>;
  areas: { id: string; title: string; score: number; level: ReadinessLevel }[];
  nextSteps: {
    questionId: string;
    area: string;
    areaTitle: string;
    priority: 'high' | 'medium';
    question: string;
    text: string;
  }[];
}

export interface Readiness {
  questionnaire: {
    scale: { value: number; label: string }[];
    areas: { id: string; title: string; questions: { id: string; text: string; blocker: boolean }[] }[];
  };
  latest: ReadinessAssessment | null;
  history: ReadinessAssessment[];
}
