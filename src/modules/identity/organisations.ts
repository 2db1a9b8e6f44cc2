import { eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { departments, organisations } from '../../platform/db/schema/identity.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ACCESS_CHANGED } from './authenticator.ts';
import { findOrganisation, findOrganisationBySlug } from './repo.ts';

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

export async function createOrganisation(
  tx: Executor,
  input: { name: string; slug: string; departments?: string[]; locale?: 'de' | 'en'; timeZone?: string },
) {
  if (!SLUG.test(input.slug)) throw new DomainError(422, 'validation_failed', { fields: 'slug' });
  if (await findOrganisationBySlug(tx, input.slug)) throw new DomainError(409, 'conflict');
  const [org] = await tx
    .insert(organisations)
    .values({
      name: input.name,
      slug: input.slug,
      defaultLocale: input.locale ?? 'de',
      defaultTimeZone: input.timeZone ?? 'Europe/Berlin',
    })
    .returning();
  const depts = input.departments?.length
    ? await tx
        .insert(departments)
        .values(input.departments.map((name) => ({ orgId: org!.id, name })))
        .returning()
    : [];
  return { org: org!, departments: depts };
}

export interface OrganisationSettings {
  name?: string;
  defaultLocale?: 'de' | 'en';
  defaultTimeZone?: string;
  region?: string;
}

export async function updateOrganisation(ctx: Context, actor: Actor, change: OrganisationSettings) {
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await findOrganisation(tx, actor.orgId);
    if (!before) throw new DomainError(404, 'organisation_not_found', { slug: actor.orgId });
    const [row] = await tx
      .update(organisations)
      .set({
        ...(change.name ? { name: change.name.trim() } : {}),
        ...(change.defaultLocale ? { defaultLocale: change.defaultLocale } : {}),
        ...(change.defaultTimeZone ? { defaultTimeZone: change.defaultTimeZone } : {}),
        ...(change.region ? { region: change.region.toUpperCase() } : {}),
      })
      .where(eq(organisations.id, actor.orgId))
      .returning();
    const view = (o: typeof before) => ({
      name: o.name,
      defaultLocale: o.defaultLocale,
      defaultTimeZone: o.defaultTimeZone,
      region: o.region,
    });
    await recordAudit(tx, actor, {
      action: 'organisation.updated',
      targetType: 'organisation',
      targetId: actor.orgId,
      targetLabel: row!.name,
      summary: { before: view(before), after: view(row!) },
    });
    return row!;
  });
  // Signed-in members carry the organisation's name.
  await ctx.events.publish({ type: ACCESS_CHANGED, orgId: actor.orgId, payload: {} });
  return updated;
}
