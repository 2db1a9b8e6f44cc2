import type { Context } from '../../context.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { memberships, users } from '../../platform/db/schema/identity.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { createOrganisation } from './organisations.ts';
import { findOrganisationBySlug, findUserByEmail } from './repo.ts';
import type { Role } from './roles.ts';

/** For the CLI (`chorus user create`): an active user with a password, e.g. the first owner. */
export async function createUserWithPassword(
  ctx: Context,
  input: { orgSlug: string; orgName?: string; email: string; name: string; role: Role; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    let org = await findOrganisationBySlug(tx, input.orgSlug);
    if (!org && input.orgName)
      org = (await createOrganisation(tx, { name: input.orgName, slug: input.orgSlug })).org;
    if (!org) throw new DomainError(404, 'organisation_not_found', { slug: input.orgSlug });
    if (await findUserByEmail(tx, input.email)) throw new DomainError(409, 'email_taken');
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        name: input.name.trim(),
        passwordHash,
        locale: org.defaultLocale,
        timeZone: org.defaultTimeZone,
      })
      .returning();
    await tx
      .insert(memberships)
      .values({ orgId: org.id, userId: user!.id, role: input.role, status: 'active' });
    const orgId = org.id;
    await recordAudit(
      tx,
      { orgId, userId: null, label: 'chorus CLI', via: 'cli' },
      {
        action: 'user.created',
        targetType: 'user',
        targetId: user!.id,
        targetLabel: `${user!.name} <${user!.email}>`,
        summary: { after: { email: user!.email, role: input.role } },
      },
    );
    return { userId: user!.id, orgId };
  });
}
