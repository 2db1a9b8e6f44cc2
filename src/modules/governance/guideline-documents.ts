// The guideline document: published in versions, German and English, each version acknowledged anew.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { guidelineAcknowledgements, guidelineDocuments } from '../../platform/db/schema/governance.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';

export type GuidelineRow = typeof guidelineDocuments.$inferSelect;

export interface GuidelineInput {
  title: { de: string; en: string };
  body: { de: string; en: string };
  note?: string;
}

export async function currentGuideline(db: Executor, orgId: string): Promise<GuidelineRow | undefined> {
  const [row] = await db
    .select()
    .from(guidelineDocuments)
    .where(eq(guidelineDocuments.orgId, orgId))
    .orderBy(desc(guidelineDocuments.version))
    .limit(1);
  return row;
}

export async function findGuidelineVersion(db: Executor, orgId: string, version: number) {
  const [row] = await db
    .select()
    .from(guidelineDocuments)
    .where(and(eq(guidelineDocuments.orgId, orgId), eq(guidelineDocuments.version, version)));
  return row;
}

export async function listGuidelineVersions(db: Executor, orgId: string) {
  return db
    .select({
      version: guidelineDocuments.version,
      titleDe: guidelineDocuments.titleDe,
      titleEn: guidelineDocuments.titleEn,
      note: guidelineDocuments.note,
      publishedAt: guidelineDocuments.publishedAt,
      publishedByLabel: guidelineDocuments.publishedByLabel,
      acknowledgements: sql<number>`(select count(*)::int from guideline_acknowledgements a where a.org_id = "guideline_documents"."org_id" and a.version = "guideline_documents"."version")`,
    })
    .from(guidelineDocuments)
    .where(eq(guidelineDocuments.orgId, orgId))
    .orderBy(desc(guidelineDocuments.version));
}

export async function acknowledgementOf(db: Executor, orgId: string, userId: string, version: number) {
  const [row] = await db
    .select()
    .from(guidelineAcknowledgements)
    .where(
      and(
        eq(guidelineAcknowledgements.orgId, orgId),
        eq(guidelineAcknowledgements.userId, userId),
        eq(guidelineAcknowledgements.version, version),
      ),
    );
  return row;
}

/** A new version replaces the current one at once; everybody acknowledges it anew. */
export async function publishGuideline(
  tx: Executor,
  actor: Actor,
  input: GuidelineInput,
): Promise<GuidelineRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`guideline_doc:${actor.orgId}`}, 0))`);
  const latest = await currentGuideline(tx, actor.orgId);
  const version = (latest?.version ?? 0) + 1;
  const note = input.note?.trim() ?? '';
  const [row] = await tx
    .insert(guidelineDocuments)
    .values({
      orgId: actor.orgId,
      version,
      titleDe: input.title.de.trim(),
      titleEn: input.title.en.trim(),
      bodyDe: input.body.de,
      bodyEn: input.body.en,
      note,
      publishedBy: actor.userId,
      publishedByLabel: actor.label,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'guideline.published',
    targetType: 'guideline',
    targetId: row!.id,
    targetLabel: `${row!.titleDe} (v${version})`,
    summary: { after: { version, note, titleDe: row!.titleDe, titleEn: row!.titleEn } },
  });
  return row!;
}

/**
 * Acknowledging names the version read: a person who read version 2 while 3 was published has not read
 * version 3. Acknowledging the same version twice keeps the first time.
 */
export async function acknowledgeGuideline(
  ctx: Context,
  actor: Actor & { userId: string },
  version: number,
): Promise<{ version: number; acknowledgedAt: Date }> {
  return ctx.db.transaction(async (tx) => {
    const current = await currentGuideline(tx, actor.orgId);
    if (!current) throw new DomainError(404, 'guideline_not_found');
    if (current.version !== version) {
      throw new DomainError(
        409,
        'guideline_outdated',
        { current: current.version },
        { fieldErrors: [{ path: 'version', message: `current version is ${current.version}` }] },
      );
    }
    const [inserted] = await tx
      .insert(guidelineAcknowledgements)
      .values({ orgId: actor.orgId, userId: actor.userId, documentId: current.id, version })
      .onConflictDoNothing()
      .returning();
    if (!inserted) {
      const existing = (await acknowledgementOf(tx, actor.orgId, actor.userId, version))!;
      return { version, acknowledgedAt: existing.acknowledgedAt };
    }
    await recordAudit(tx, actor, {
      action: 'guideline.acknowledged',
      targetType: 'guideline',
      targetId: current.id,
      targetLabel: `${current.titleDe} (v${version})`,
      summary: { version },
    });
    return { version, acknowledgedAt: inserted.acknowledgedAt };
  });
}
