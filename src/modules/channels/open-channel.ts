import { and, eq } from 'drizzle-orm';
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

/** Health as people see it on the channel: when it last worked, and the last error in the network's words. */
export async function recordChannelSuccess(ctx: Context, orgId: string, channelId: string): Promise<void> {
  await ctx.db
    .update(channels)
    .set({ lastSuccessAt: new Date(), status: 'active' })
    .where(and(eq(channels.orgId, orgId), eq(channels.id, channelId)));
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
