import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type Account,
  AuthExpired,
  ConnectorError,
  type Credentials,
  Rejected,
} from '../../connectors/connector.ts';
import type { Context } from '../../context.ts';
import { channelMembers, channels, type PlanSlot } from '../../platform/db/schema/channels.ts';
import { postTargets } from '../../platform/db/schema/publishing.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Principal } from '../../platform/http/principal.ts';
import { DomainError, forbidden, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { failQueuedTargets } from '../publishing/index.ts';
import { mayManage } from './channel-access.ts';
import { assertMembers } from './connect-channel.ts';
import { openChannel, sealContext } from './open-channel.ts';
import { findChannel } from './repo.ts';
import { verifyProblem } from './verify-error.ts';

export interface ChannelChange {
  name?: string;
  plan?: PlanSlot[];
  planTimeZone?: string;
  memberIds?: string[];
  /** New credentials for the same account (a renewed token); checked with the network first. */
  credentials?: Credentials;
}

async function loadManaged(ctx: Context, p: Principal, id: string) {
  const channel = await findChannel(ctx.db, p.orgId, id);
  if (!channel) throw notFound('channel_not_found');
  if (!mayManage(p, channel)) throw forbidden('channels.manage');
  return channel;
}

export async function updateChannel(
  ctx: Context,
  p: Principal,
  actor: Actor,
  id: string,
  change: ChannelChange,
) {
  const before = await loadManaged(ctx, p, id);
  if (change.memberIds && before.ownership === 'personal')
    throw new DomainError(422, 'personal_channel_has_no_team');
  let account: Account | null = null;
  if (change.credentials) {
    try {
      account = await ctx.connectors(p.orgId, before.network as 'sandbox', change.credentials).verify();
    } catch (err) {
      throw verifyProblem(err);
    }
    if (account.id !== before.accountId)
      throw new DomainError(422, 'channel_account_mismatch', {
        handle: account.handle,
        expected: before.accountHandle,
      });
  }
  return ctx.db.transaction(async (tx) => {
    if (change.memberIds) await assertMembers(tx, p.orgId, change.memberIds);
    const [row] = await tx
      .update(channels)
      .set({
        ...(change.name !== undefined ? { name: change.name.trim() } : {}),
        ...(change.plan !== undefined ? { plan: change.plan } : {}),
        ...(change.planTimeZone !== undefined ? { planTimeZone: change.planTimeZone } : {}),
        ...(change.credentials && account
          ? {
              credentialsSealed: ctx.secrets.seal(JSON.stringify(change.credentials), sealContext(id)),
              serviceUrl: change.credentials.serviceUrl,
              tokenExpiresAt: account.tokenExpiresAt,
              status: 'active',
              lastSuccessAt: new Date(),
            }
          : {}),
      })
      .where(and(eq(channels.orgId, p.orgId), eq(channels.id, id)))
      .returning();
    if (change.memberIds) {
      await tx
        .delete(channelMembers)
        .where(and(eq(channelMembers.orgId, p.orgId), eq(channelMembers.channelId, id)));
      if (change.memberIds.length > 0)
        await tx
          .insert(channelMembers)
          .values(
            [...new Set(change.memberIds)].map((userId) => ({ orgId: p.orgId, channelId: id, userId })),
          );
    }
    await recordAudit(tx, actor, {
      action: change.credentials ? 'channel.reconnected' : 'channel.updated',
      targetType: 'channel',
      targetId: id,
      targetLabel: row!.name,
      summary: {
        before: {
          name: before.name,
          plan: before.plan,
          planTimeZone: before.planTimeZone,
          members: before.members.map((m) => m.id),
        },
        after: {
          name: row!.name,
          plan: row!.plan,
          planTimeZone: row!.planTimeZone,
          ...(change.memberIds ? { members: change.memberIds } : {}),
        },
      },
    });
    return row!;
  });
}

/**
 * Removes a channel. Its history stays (published posts keep their link); posts still queued for it fail
 * with a reason their authors are told, so nothing is silently dropped.
 */
export async function removeChannel(ctx: Context, p: Principal, actor: Actor, id: string) {
  const channel = await loadManaged(ctx, p, id);
  const { mailIds } = await ctx.db.transaction(async (tx) => {
    await tx
      .update(channels)
      .set({ deletedAt: new Date() })
      .where(and(eq(channels.orgId, p.orgId), eq(channels.id, id), isNull(channels.deletedAt)));
    const failed = await failQueuedTargets(tx, actor, { channelId: id, channelName: channel.name });
    await recordAudit(tx, actor, {
      action: 'channel.removed',
      targetType: 'channel',
      targetId: id,
      targetLabel: channel.name,
      summary: {
        before: { network: channel.network, account: channel.accountHandle },
        queuedPostsFailed: failed.count,
      },
    });
    return failed;
  });
  return { mailIds };
}

/** Asks the network whether the credentials still work, and records the answer as the channel's health. */
export async function checkChannel(ctx: Context, p: Principal, actor: Actor, id: string) {
  const channel = await findChannel(ctx.db, p.orgId, id);
  if (!channel) throw notFound('channel_not_found');
  let ok = true;
  let error: string | null = null;
  let authFailed = false;
  let account: Account | null = null;
  try {
    account = await openChannel(ctx, channel).verify();
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
    ok = false;
    error = err instanceof Rejected ? err.reason : err.message;
    authFailed = err instanceof AuthExpired;
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(channels)
      .set(
        ok
          ? { status: 'active', lastSuccessAt: new Date(), tokenExpiresAt: account?.tokenExpiresAt ?? null }
          : {
              lastErrorAt: new Date(),
              lastError: error,
              ...(authFailed ? { status: 'needs_reauth' } : {}),
            },
      )
      .where(and(eq(channels.orgId, p.orgId), eq(channels.id, id)));
    await recordAudit(tx, actor, {
      action: 'channel.checked',
      targetType: 'channel',
      targetId: id,
      targetLabel: channel.name,
      summary: { ok, ...(error ? { error } : {}) },
    });
  });
  return { ok, error };
}

/** How many posts are waiting for each channel, for the channel list. */
export async function queuedCounts(ctx: Context, orgId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ channelId: postTargets.channelId, n: sql<number>`count(*)::int` })
    .from(postTargets)
    .where(
      and(
        eq(postTargets.orgId, orgId),
        inArray(postTargets.channelId, ids),
        inArray(postTargets.state, ['scheduled', 'sending']),
      ),
    )
    .groupBy(postTargets.channelId);
  return new Map(rows.map((r) => [r.channelId, r.n]));
}
