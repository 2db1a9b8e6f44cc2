import type { Executor } from '../../platform/db/client.ts';
import { departments, organisations } from '../../platform/db/schema/identity.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { findOrganisationBySlug } from './repo.ts';

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
