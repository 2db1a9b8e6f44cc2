// Overrides and flagged texts go to compliance: recorded in the transaction that publishes, reviewed later.
import { and, desc, eq, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { guidelineReviewItems } from '../../platform/db/schema/governance.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import type { Finding } from '../../policy/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorMay } from './members.ts';

export const OVERRIDE_REASON_MIN = 10;

export type ReviewKind = 'override' | 'flagged';

export interface ReviewSubject {
  /** What the text belongs to, e.g. 'post'; with its id and its name at the time. */
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  text: string;
  findings: Finding[];
  policyVersion: number;
}

/**
 * The audit log is exported and kept outside; it names the rules that fired, never what they matched
 * (that would copy the IBAN into the archive). The review item keeps the text for compliance.
 */
function findingSummary(findings: Finding[]) {
  return findings.map((f) => ({ rule: f.rule, kind: f.kind, severity: f.severity, section: f.section }));
}

async function insertItem(
  tx: Executor,
  actor: Actor,
  kind: ReviewKind,
  input: ReviewSubject,
  reason: string | null,
) {
  const [row] = await tx
    .insert(guidelineReviewItems)
    .values({
      orgId: actor.orgId,
      kind,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      subjectLabel: input.subjectLabel,
      text: input.text,
      findings: input.findings,
      policyVersion: input.policyVersion,
      reason,
      actorId: actor.userId,
      actorLabel: actor.label,
    })
    .returning({ id: guidelineReviewItems.id });
  return row!.id;
}

/**
 * Publishing despite a blocking finding: only with guidelines.override and a reason, always audited and
 * put in front of compliance. Call it inside the transaction that publishes.
 */
export async function recordGuidelineOverride(
  tx: Executor,
  actor: Actor,
  input: ReviewSubject & { reason: string },
): Promise<void> {
  await overrideItem(tx, actor, input);
}

/** As recordGuidelineOverride, returning the review item's id (the API answers with it). */
export async function overrideItem(tx: Executor, actor: Actor, input: ReviewSubject & { reason: string }) {
  if (!(await actorMay(tx, actor, 'guidelines.override'))) {
    throw new DomainError(403, 'forbidden', { permission: 'guidelines.override' });
  }
  const reason = input.reason.trim();
  if (reason.length < OVERRIDE_REASON_MIN) {
    throw new DomainError(
      422,
      'override_reason_too_short',
      { min: OVERRIDE_REASON_MIN },
      { fieldErrors: [{ path: 'reason', message: `at least ${OVERRIDE_REASON_MIN} characters` }] },
    );
  }
  const id = await insertItem(tx, actor, 'override', input, reason);
  await recordAudit(tx, actor, {
    action: 'guideline.overridden',
    targetType: input.subjectType,
    targetId: input.subjectId,
    targetLabel: input.subjectLabel,
    summary: {
      reviewItemId: id,
      policyVersion: input.policyVersion,
      reason,
      findings: findingSummary(input.findings),
    },
  });
  return id;
}

/** A text that went out with warnings: no permission needed, compliance looks at it afterwards. */
export async function flagForReview(tx: Executor, actor: Actor, input: ReviewSubject): Promise<void> {
  const id = await insertItem(tx, actor, 'flagged', input, null);
  await recordAudit(tx, actor, {
    action: 'guideline.flagged',
    targetType: input.subjectType,
    targetId: input.subjectId,
    targetLabel: input.subjectLabel,
    summary: {
      reviewItemId: id,
      policyVersion: input.policyVersion,
      findings: findingSummary(input.findings),
    },
  });
}

export type ReviewItemRow = typeof guidelineReviewItems.$inferSelect;

export async function listReviewItems(
  db: Executor,
  orgId: string,
  filter: { status?: 'open' | 'reviewed'; kind?: ReviewKind; before?: Date; limit: number },
): Promise<ReviewItemRow[]> {
  const c: SQL[] = [eq(guidelineReviewItems.orgId, orgId)];
  if (filter.status === 'open') c.push(isNull(guidelineReviewItems.reviewedAt));
  if (filter.status === 'reviewed') c.push(isNotNull(guidelineReviewItems.reviewedAt));
  if (filter.kind) c.push(eq(guidelineReviewItems.kind, filter.kind));
  if (filter.before) c.push(lt(guidelineReviewItems.createdAt, filter.before));
  return db
    .select()
    .from(guidelineReviewItems)
    .where(and(...c))
    .orderBy(desc(guidelineReviewItems.createdAt), desc(guidelineReviewItems.id))
    .limit(filter.limit);
}

export async function markReviewed(
  ctx: Context,
  actor: Actor,
  id: string,
  note: string,
): Promise<ReviewItemRow> {
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(guidelineReviewItems)
      .where(and(eq(guidelineReviewItems.orgId, actor.orgId), eq(guidelineReviewItems.id, id)))
      .for('update');
    if (!item) throw new DomainError(404, 'review_item_not_found');
    if (item.reviewedAt)
      throw new DomainError(409, 'review_already_done', { by: item.reviewedByLabel ?? '' });
    const [row] = await tx
      .update(guidelineReviewItems)
      .set({
        reviewedAt: new Date(),
        reviewedBy: actor.userId,
        reviewedByLabel: actor.label,
        reviewNote: note.trim(),
      })
      .where(and(eq(guidelineReviewItems.orgId, actor.orgId), eq(guidelineReviewItems.id, id)))
      .returning();
    await recordAudit(tx, actor, {
      action: 'guideline_review.completed',
      targetType: 'guideline_review_item',
      targetId: id,
      targetLabel: item.subjectLabel,
      summary: {
        kind: item.kind,
        subjectType: item.subjectType,
        subjectId: item.subjectId,
        note: note.trim(),
      },
    });
    return row!;
  });
}
