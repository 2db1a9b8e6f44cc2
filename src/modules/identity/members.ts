import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import type { Executor } from '../../platform/db/client.ts';
import { invitations, memberships, users } from '../../platform/db/schema/identity.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ACCESS_CHANGED } from './authenticator.ts';
import { INVITATION_DAYS, invitationMail } from './invitation-mail.ts';
import {
  countOwners,
  deleteSessionsOfUser,
  findDepartment,
  findMember,
  findOrganisation,
  findUser,
  findUserByEmail,
  type MemberView,
} from './repo.ts';
import type { Role } from './roles.ts';

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  locale?: 'de' | 'en';
}

async function assertDepartment(tx: Executor, orgId: string, departmentId: string | null): Promise<void> {
  if (departmentId && !(await findDepartment(tx, orgId, departmentId))) {
    throw new DomainError(
      422,
      'department_not_found',
      {},
      { fieldErrors: [{ path: 'departmentId', message: 'unknown department' }] },
    );
  }
}

/** Only an owner may make someone an owner: admins must not be able to lift themselves above the owner. */
function assertMayGrant(actorRole: string, role: string): void {
  if (role === 'owner' && actorRole !== 'owner') throw new DomainError(403, 'owner_only');
}

export async function inviteUser(
  ctx: Context,
  actor: Actor & { role: string },
  input: InviteInput,
): Promise<{ user: MemberView; inviteUrl: string }> {
  assertMayGrant(actor.role, input.role);
  const token = randomToken(32);
  const result = await ctx.db.transaction(async (tx) => {
    await assertDepartment(tx, actor.orgId, input.departmentId);
    if (await findUserByEmail(tx, input.email)) {
      throw new DomainError(409, 'email_taken', {}, { fieldErrors: [{ path: 'email', message: 'taken' }] });
    }
    const org = await findOrganisation(tx, actor.orgId);
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email.trim(),
        name: input.name.trim(),
        locale: input.locale ?? org?.defaultLocale ?? 'de',
        timeZone: org?.defaultTimeZone ?? 'Europe/Berlin',
      })
      .returning();
    await tx.insert(memberships).values({
      orgId: actor.orgId,
      userId: user!.id,
      role: input.role,
      departmentId: input.departmentId,
      status: 'invited',
    });
    await tx.insert(invitations).values({
      orgId: actor.orgId,
      userId: user!.id,
      tokenHash: sha256Hex(token),
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    const member = (await findMember(tx, actor.orgId, user!.id))!;
    await recordAudit(tx, actor, {
      action: 'user.invited',
      targetType: 'user',
      targetId: user!.id,
      targetLabel: `${member.name} <${member.email}>`,
      summary: {
        after: {
          email: member.email,
          name: member.name,
          role: member.role,
          department: member.departmentName,
        },
      },
    });
    return {
      member,
      orgName: org?.name ?? '',
      locale: user!.locale === 'en' ? ('en' as const) : ('de' as const),
    };
  });
  const inviteUrl = `${ctx.config.baseUrl.replace(/\/$/, '')}/invite/${token}`;
  const mail = invitationMail(result.member.name, result.orgName, actor.label, inviteUrl, result.locale);
  // The invitation stands even when mail fails: the admin sees the link and can pass it on.
  await ctx.mailer
    .send({ to: result.member.email, ...mail })
    .catch((err: Error) => ctx.log.warn({ err, to: result.member.email }, 'invitation mail not sent'));
  return { user: result.member, inviteUrl };
}

export interface MemberChange {
  role?: Role;
  departmentId?: string | null;
  status?: 'active' | 'deactivated';
  name?: string;
}

export async function updateMember(
  ctx: Context,
  actor: Actor & { role: string },
  userId: string,
  change: MemberChange,
): Promise<MemberView> {
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await findMember(tx, actor.orgId, userId);
    if (!before) throw new DomainError(404, 'user_not_found');
    if (change.role && change.role !== before.role) {
      assertMayGrant(actor.role, change.role);
      if (before.role === 'owner') assertMayGrant(actor.role, 'owner');
    }
    if (change.departmentId !== undefined) await assertDepartment(tx, actor.orgId, change.departmentId);
    if (change.status === 'deactivated' && userId === actor.userId)
      throw new DomainError(422, 'cannot_deactivate_self');
    if (change.status && before.status === 'invited' && change.status === 'active') {
      throw new DomainError(422, 'invitation_pending');
    }
    const losesOwner =
      before.role === 'owner' &&
      before.status === 'active' &&
      ((change.role && change.role !== 'owner') || change.status === 'deactivated');
    if (losesOwner && (await countOwners(tx, actor.orgId)) <= 1) throw new DomainError(422, 'last_owner');

    const set: Partial<typeof memberships.$inferInsert> = { updatedAt: new Date() };
    if (change.role) set.role = change.role;
    if (change.departmentId !== undefined) set.departmentId = change.departmentId;
    if (change.status && before.status !== 'invited') set.status = change.status;
    await tx
      .update(memberships)
      .set(set)
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    if (change.name) await tx.update(users).set({ name: change.name.trim() }).where(eq(users.id, userId));
    if (change.status === 'deactivated') await deleteSessionsOfUser(tx, userId);
    const after = (await findMember(tx, actor.orgId, userId))!;
    const action =
      change.status === 'deactivated' && before.status !== 'deactivated'
        ? 'user.deactivated'
        : change.status === 'active' && before.status === 'deactivated'
          ? 'user.reactivated'
          : 'user.updated';
    await recordAudit(tx, actor, {
      action,
      targetType: 'user',
      targetId: userId,
      targetLabel: `${after.name} <${after.email}>`,
      summary: { before: pick(before), after: pick(after) },
    });
    return after;
  });
  await ctx.events.publish({ type: ACCESS_CHANGED, orgId: actor.orgId, payload: { userId } });
  return updated;
}

function pick(m: MemberView) {
  return { name: m.name, role: m.role, department: m.departmentName, status: m.status };
}

/** A new link for someone who has not accepted yet; earlier links stop working. */
export async function renewInvitation(
  ctx: Context,
  actor: Actor,
  userId: string,
): Promise<{ inviteUrl: string }> {
  const token = randomToken(32);
  const { member, orgName, locale } = await ctx.db.transaction(async (tx) => {
    const member = await findMember(tx, actor.orgId, userId);
    if (!member) throw new DomainError(404, 'user_not_found');
    if (member.status !== 'invited') throw new DomainError(409, 'no_open_invitation');
    await tx
      .delete(invitations)
      .where(
        and(
          eq(invitations.orgId, actor.orgId),
          eq(invitations.userId, userId),
          isNull(invitations.acceptedAt),
        ),
      );
    await tx.insert(invitations).values({
      orgId: actor.orgId,
      userId,
      tokenHash: sha256Hex(token),
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    await recordAudit(tx, actor, {
      action: 'user.invitation_renewed',
      targetType: 'user',
      targetId: userId,
      targetLabel: `${member.name} <${member.email}>`,
    });
    const locale = (await findUser(tx, userId))?.locale === 'en' ? ('en' as const) : ('de' as const);
    return { member, locale, orgName: (await findOrganisation(tx, actor.orgId))?.name ?? '' };
  });
  const inviteUrl = `${ctx.config.baseUrl.replace(/\/$/, '')}/invite/${token}`;
  await ctx.mailer
    .send({ to: member.email, ...invitationMail(member.name, orgName, actor.label, inviteUrl, locale) })
    .catch((err: Error) => ctx.log.warn({ err, to: member.email }, 'invitation mail not sent'));
  return { inviteUrl };
}
