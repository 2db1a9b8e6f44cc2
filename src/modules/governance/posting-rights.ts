// Posting rights: the current guideline acknowledged and the trainings required for the kind of channel
// passed. Computed on demand from the records, so a new guideline version withdraws them at once.
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { acknowledgementOf, currentGuideline, type GuidelineRow } from './guideline-documents.ts';
import { localeOf } from './members.ts';
import { listTrainings, type TrainingRow, trainingStatuses } from './training.ts';

export type ChannelOwnership = 'company' | 'personal';

export interface MissingRight {
  kind: 'acknowledgement' | 'training';
  id: string;
  title: string;
  /** The web page where the person fixes it. */
  path: string;
}

export interface PostingRights {
  allowed: boolean;
  missing: MissingRight[];
}

export const GUIDELINE_PATH = '/governance/guidelines';
export const trainingPath = (id: string) => `/governance/training/${id}`;

/** The facts posting rights rest on, loaded once for everybody (compliance report) or one person. */
export interface RightsBasis {
  guideline: GuidelineRow | undefined;
  trainings: TrainingRow[];
}

export async function loadRightsBasis(db: Executor, orgId: string): Promise<RightsBasis> {
  const [guideline, trainings] = await Promise.all([
    currentGuideline(db, orgId),
    listTrainings(db, orgId, false),
  ]);
  return { guideline, trainings };
}

export function rightsFrom(
  basis: RightsBasis,
  person: { acknowledgedVersion: number | null; passed: ReadonlySet<string> },
  ownership: ChannelOwnership,
  lang: 'de' | 'en',
): PostingRights {
  const missing: MissingRight[] = [];
  const g = basis.guideline;
  if (g && person.acknowledgedVersion !== g.version) {
    missing.push({
      kind: 'acknowledgement',
      id: g.id,
      title: `${lang === 'de' ? g.titleDe : g.titleEn} (v${g.version})`,
      path: GUIDELINE_PATH,
    });
  }
  for (const t of basis.trainings) {
    const required = ownership === 'company' ? t.requiredForCompany : t.requiredForPersonal;
    if (required && !person.passed.has(t.id)) {
      missing.push({
        kind: 'training',
        id: t.id,
        title: lang === 'de' ? t.titleDe : t.titleEn,
        path: trainingPath(t.id),
      });
    }
  }
  return { allowed: missing.length === 0, missing };
}

/** Both kinds of channel for one person, titles in the given language. */
export async function postingRightsOf(
  db: Executor,
  orgId: string,
  userId: string,
  lang: 'de' | 'en',
): Promise<Record<ChannelOwnership, PostingRights>> {
  const basis = await loadRightsBasis(db, orgId);
  const [ack, statuses] = await Promise.all([
    basis.guideline ? acknowledgementOf(db, orgId, userId, basis.guideline.version) : undefined,
    trainingStatuses(db, orgId, userId),
  ]);
  const passed = new Set(
    [...(statuses.get(userId) ?? new Map()).entries()].filter(([, s]) => s.passed).map(([id]) => id),
  );
  const person = { acknowledgedVersion: ack?.version ?? null, passed };
  return {
    company: rightsFrom(basis, person, 'company', lang),
    personal: rightsFrom(basis, person, 'personal', lang),
  };
}

/** For other modules (publishing): may this person post to a channel of this kind, and if not, why not. */
export async function postingRights(
  ctx: Context,
  orgId: string,
  userId: string,
  opts: { channelOwnership: ChannelOwnership },
): Promise<PostingRights> {
  const lang = await localeOf(ctx.db, userId);
  return (await postingRightsOf(ctx.db, orgId, userId, lang))[opts.channelOwnership];
}
