// Who has acknowledged which guideline version and passed which training: the overview compliance keeps
// and exports (the evidence that people were told the rules before they posted).
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { guidelineAcknowledgements } from '../../platform/db/schema/governance.ts';
import { listPeople } from './members.ts';
import { loadRightsBasis, rightsFrom } from './posting-rights.ts';
import { trainingStatuses } from './training.ts';

export interface ComplianceReport {
  currentVersion: number | null;
  trainings: { id: string; title: string; requiredFor: { company: boolean; personal: boolean } }[];
  people: {
    userId: string;
    name: string;
    email: string;
    role: string;
    status: string;
    departmentName: string | null;
    acknowledgedVersion: number | null;
    acknowledgedAt: Date | null;
    acknowledgedCurrent: boolean;
    trainings: { id: string; passed: boolean; bestScore: number | null; passedAt: Date | null }[];
    companyAllowed: boolean;
    personalAllowed: boolean;
  }[];
}

export async function complianceReport(
  db: Executor,
  orgId: string,
  lang: 'de' | 'en',
): Promise<ComplianceReport> {
  const [basis, people, statuses, acks] = await Promise.all([
    loadRightsBasis(db, orgId),
    listPeople(db, orgId),
    trainingStatuses(db, orgId),
    db
      .select({
        userId: guidelineAcknowledgements.userId,
        version: guidelineAcknowledgements.version,
        at: guidelineAcknowledgements.acknowledgedAt,
      })
      .from(guidelineAcknowledgements)
      .where(eq(guidelineAcknowledgements.orgId, orgId))
      .orderBy(desc(guidelineAcknowledgements.version)),
  ]);
  // Rows come newest version first: the first one per person is their latest acknowledgement.
  const latestAck = new Map<string, { version: number; at: Date }>();
  for (const a of acks) if (!latestAck.has(a.userId)) latestAck.set(a.userId, a);
  const current = basis.guideline?.version ?? null;
  return {
    currentVersion: current,
    trainings: basis.trainings.map((t) => ({
      id: t.id,
      title: lang === 'de' ? t.titleDe : t.titleEn,
      requiredFor: { company: t.requiredForCompany, personal: t.requiredForPersonal },
    })),
    people: people.map((p) => {
      const ack = latestAck.get(p.userId);
      const mine = statuses.get(p.userId);
      const passed = new Set([...(mine?.entries() ?? [])].filter(([, s]) => s.passed).map(([id]) => id));
      const person = { acknowledgedVersion: ack?.version ?? null, passed };
      return {
        ...p,
        acknowledgedVersion: ack?.version ?? null,
        acknowledgedAt: ack?.at ?? null,
        acknowledgedCurrent: current === null || ack?.version === current,
        trainings: basis.trainings.map((t) => {
          const s = mine?.get(t.id);
          return {
            id: t.id,
            passed: s?.passed ?? false,
            bestScore: s?.bestScore ?? null,
            passedAt: s?.passedAt ?? null,
          };
        }),
        companyAllowed: rightsFrom(basis, person, 'company', lang).allowed,
        personalAllowed: rightsFrom(basis, person, 'personal', lang).allowed,
      };
    }),
  };
}

/** Cells starting with = + - @ are prefixed so a spreadsheet never runs them as formulas. */
function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const HEADERS = {
  de: {
    name: 'Name',
    email: 'E-Mail',
    role: 'Rolle',
    department: 'Abteilung',
    status: 'Status',
    ackVersion: 'Bestätigte Version',
    ackAt: 'Bestätigt am',
    ackCurrent: 'Aktuelle Version bestätigt',
    passed: 'bestanden',
    score: 'beste Punktzahl',
    company: 'Darf Unternehmenskanäle nutzen',
    personal: 'Darf eigene Kanäle nutzen',
    yes: 'ja',
    no: 'nein',
  },
  en: {
    name: 'Name',
    email: 'E-mail',
    role: 'Role',
    department: 'Department',
    status: 'Status',
    ackVersion: 'Acknowledged version',
    ackAt: 'Acknowledged at',
    ackCurrent: 'Current version acknowledged',
    passed: 'passed',
    score: 'best score',
    company: 'May post to company channels',
    personal: 'May post to personal channels',
    yes: 'yes',
    no: 'no',
  },
} as const;

/** The report as CSV, headings in the reader's language, times in UTC (ISO 8601). */
export function complianceCsv(report: ComplianceReport, lang: 'de' | 'en'): string {
  const h = HEADERS[lang];
  const yn = (b: boolean) => (b ? h.yes : h.no);
  const head: string[] = [
    h.name,
    h.email,
    h.role,
    h.department,
    h.status,
    h.ackVersion,
    h.ackAt,
    h.ackCurrent,
  ];
  for (const t of report.trainings) head.push(`${t.title}: ${h.passed}`, `${t.title}: ${h.score}`);
  head.push(h.company, h.personal);
  const lines = [head.map(csvCell).join(',')];
  for (const p of report.people) {
    const row: unknown[] = [
      p.name,
      p.email,
      p.role,
      p.departmentName,
      p.status,
      p.acknowledgedVersion,
      p.acknowledgedAt,
      yn(p.acknowledgedCurrent),
    ];
    for (const t of p.trainings) row.push(yn(t.passed), t.bestScore);
    row.push(yn(p.companyAllowed), yn(p.personalAllowed));
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
