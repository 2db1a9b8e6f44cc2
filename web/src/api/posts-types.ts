/**
 * The shapes of the publishing API (src/modules/publishing/schema.ts), beside types.ts rather than in it:
 * the area is large and self-contained.
 */

export const POST_STATES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;
export type PostState = (typeof POST_STATES)[number];

export const TARGET_STATES = [
  'draft',
  'scheduled',
  'sending',
  'published',
  'failed',
  'needs_decision',
  'cancelled',
] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** The list's status filter: the workflow states and what the channels made of a post. */
export const LIST_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'failed',
] as const;
export type ListState = (typeof LIST_STATES)[number];

export interface Named {
  id: string;
  name: string;
}

export interface TextLength {
  used: number;
  max: number;
  bytes?: number;
  maxBytes?: number;
  over: boolean;
}

export interface TargetMetrics {
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  impressions: number | null;
  at: string;
}

export interface PostTarget {
  id: string;
  channel: { id: string; name: string; network: string; handle: string; removed: boolean };
  /** null: the channel publishes the base text. */
  variantText: string | null;
  /** What will be (or was) published. */
  text: string;
  length: TextLength;
  state: TargetState;
  scheduledAt: string | null;
  attempts: number;
  publishedAt: string | null;
  remoteUrl: string | null;
  failure: { code: string; reason: string } | null;
  metrics: TargetMetrics | null;
}

export interface PostMedia {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  altText: string;
  url: string;
}

export interface PostIssue {
  code: string;
  channelId: string | null;
  message: string;
}

export interface WorkflowStep {
  roles: string[];
  count: number;
  approvedBy: string[];
  done: boolean;
}

export interface WorkflowStatus {
  required: boolean;
  satisfied: boolean;
  workflows: {
    id: string;
    name: string;
    ordered: boolean;
    allowSelfApproval: boolean;
    steps: WorkflowStep[];
  }[];
  mayApprove: boolean;
  mayNotApproveBecause: string | null;
}

export interface PostComment {
  id: string;
  author: Named;
  body: string;
  mentions: Named[];
  /** Where the body names the people it mentions (`@Name`), as UTF-16 offsets with the @. */
  mentionRanges: { start: number; end: number }[];
  createdAt: string;
}

export interface PostApproval {
  id: string;
  version: number;
  approver: Named & { role: string };
  decision: 'approved' | 'changes_requested';
  comment: string;
  createdAt: string;
}

export interface PostEvent {
  id: string;
  kind: string;
  actor: string;
  targetId: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface PostSummary {
  id: string;
  author: Named;
  department: Named | null;
  campaign: Named | null;
  baseText: string;
  state: PostState;
  /** One word for lists: the workflow state, or scheduled / published / failed / needs_decision. */
  status: string;
  version: number;
  targets: PostTarget[];
  createdAt: string;
  updatedAt: string;
}

export interface Post extends PostSummary {
  approvedVersion: number | null;
  media: PostMedia[];
  workflow: WorkflowStatus;
  issues: PostIssue[];
  comments: PostComment[];
  approvals: PostApproval[];
  history: PostEvent[];
  can: { edit: boolean; submit: boolean; schedule: boolean; unschedule: boolean; delete: boolean };
}

export interface TargetInput {
  channelId: string;
  variantText?: string | null;
}

export interface PostInput {
  baseText?: string;
  departmentId?: string | null;
  campaignId?: string | null;
  targets?: TargetInput[];
  /** The version the editor started from; the server refuses a save over a newer one (409 post_changed). */
  version?: number;
}

export interface PostFilter {
  state?: ListState;
  mine?: boolean;
  awaitingMyApproval?: boolean;
}

export type ScheduleInput =
  | { mode: 'now' | 'slot'; overrideReason?: string }
  | { mode: 'at'; at: string; overrideReason?: string };
