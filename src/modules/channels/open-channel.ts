import { and, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Connector, Credentials, NetworkId } from '../../connectors/connector.ts';
import type { Context } from '../../context.ts';
import { channels } from '../../platform/db/schema/channels.ts';
import type { ChannelRow } from './repo.ts';

export const sealContext = (channelId: string) => `channel:${channelId}`;

/** The connector for a stored channel, its credentials opened from the secret box. */
export function openChannel(ctx: Context, channel: ChannelRow): Connector {
  const credentials = JSON.parse(
    ctx.secrets.open(channel.credentialsSealed, sealContext(channel.id)),
  ) as Credentials;
  return ctx.connectors(channel.orgId, channel.network as NetworkId, credentials);
}

/**
 * Health as people see it on the channel: when it last worked, and the last error in the network's words.
 * After a batch of sends: the channels' last success, written at most once a minute per channel — a busy
 * channel would otherwise rewrite its row after every post, and "last success" needs no finer grain.
 */
export async function recordChannelsSuccess(
  ctx: Context,
  sent: readonly { orgId: string; channelId: string }[],
): Promise<void> {
  const byOrg = new Map<string, Set<string>>();
  for (const s of sent) byOrg.set(s.orgId, (byOrg.get(s.orgId) ?? new Set()).add(s.channelId));
  for (const [orgId, ids] of byOrg) {
    await ctx.db
      .update(channels)
      .set({ lastSuccessAt: new Date(), status: 'active' })
      .where(
        and(
          eq(channels.orgId, orgId),
          inArray(channels.id, [...ids]),
          or(
            isNull(channels.lastSuccessAt),
            lt(channels.lastSuccessAt, sql`now() - interval '1 minute'`),
            ne(channels.status, 'active'),
          ),
        ),
      );
  }
}

export async function recordChannelError(
  ctx: Context,
  orgId: string,
  channelId: string,
  error: string,
  opts: { authExpired: boolean },
): Promise<void> {
  await ctx.db
    .update(channels)
    .set({
      lastErrorAt: new Date(),
      lastError: error.slice(0, 1000),
      ...(opts.authExpired ? { status: 'needs_reauth' } : {}),
    })
    .where(and(eq(channels.orgId, orgId), eq(channels.id, channelId)));
}
