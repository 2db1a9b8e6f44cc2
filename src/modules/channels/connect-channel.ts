import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Account, Credentials, NetworkId } from '../../connectors/connector.ts';
import type { Context } from '../../context.ts';
import { channelMembers, channels } from '../../platform/db/schema/channels.ts';
import { memberships } from '../../platform/db/schema/identity.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError, forbidden } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { sealContext } from './open-channel.ts';
import { verifyProblem } from './verify-error.ts';

export interface ConnectInput {
  network: NetworkId;
  ownership: 'company' | 'personal';
  name?: string;
  credentials: Credentials;
  /** The team of a company channel; the person connecting it is always in it. */
  memberIds?: string[];
}

/** Connecting checks the credentials with the network first: a channel that cannot post is never stored. */
export async function connectChannel(ctx: Context, p: Principal, actor: Actor, input: ConnectInput) {
  if (input.ownership === 'company' && !p.permissions.has('channels.manage'))
    throw forbidden('channels.manage');
  let account: Account;
  try {
    account = await ctx.connectors(p.orgId, input.network, input.credentials).verify();
  } catch (err) {
    throw verifyProblem(err);
  }
  const id = randomUUID();
  const memberIds = input.ownership === 'company' ? [...new Set([p.userId, ...(input.memberIds ?? [])])] : [];
  return ctx.db.transaction(async (tx) => {
    const [dupe] = await tx
      .select({ id: channels.id, name: channels.name })
      .from(channels)
      .where(
        and(
          eq(channels.orgId, p.orgId),
          eq(channels.network, input.network),
          eq(channels.accountId, account.id),
          isNull(channels.deletedAt),
        ),
      );
    if (dupe) throw new DomainError(409, 'channel_exists', { name: dupe.name });
    await assertMembers(tx, p.orgId, memberIds);
    const [row] = await tx
      .insert(channels)
      .values({
        id,
        orgId: p.orgId,
        network: input.network,
        name: input.name?.trim() || account.displayName || account.handle,
        ownership: input.ownership,
        ownerUserId: input.ownership === 'personal' ? p.userId : null,
        accountId: account.id,
        accountHandle: account.handle,
        accountUrl: account.url,
        serviceUrl: input.credentials.serviceUrl,
        credentialsSealed: ctx.secrets.seal(JSON.stringify(input.credentials), sealContext(id)),
        tokenExpiresAt: account.tokenExpiresAt,
        lastSuccessAt: new Date(),
      })
      .returning();
    if (memberIds.length > 0)
      await tx
        .insert(channelMembers)
        .values(memberIds.map((userId) => ({ orgId: p.orgId, channelId: id, userId })));
    await recordAudit(tx, actor, {
      action: 'channel.connected',
      targetType: 'channel',
      targetId: id,
      targetLabel: row!.name,
      summary: {
        after: {
          network: input.network,
          ownership: input.ownership,
          account: account.handle,
          members: memberIds,
        },
      },
    });
    return row!;
  });
}

/** Team members must be active members of the same organisation. */
export async function assertMembers(
  tx: Parameters<Parameters<Context['db']['transaction']>[0]>[0],
  orgId: string,
  userIds: string[],
): Promise<void> {
  if (userIds.length === 0) return;
  const found = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.status, 'active'),
        inArray(memberships.userId, userIds),
      ),
    );
  const known = new Set(found.map((f) => f.userId));
  const unknown = userIds.filter((u) => !known.has(u));
  if (unknown.length > 0)
    throw new DomainError(
      422,
      'channel_member_unknown',
      {},
      {
        fieldErrors: unknown.map(() => ({ path: 'memberIds', message: 'unknown' })),
      },
    );
}
