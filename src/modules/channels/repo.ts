import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { channelMembers, channels } from '../../platform/db/schema/channels.ts';
import { users } from '../../platform/db/schema/identity.ts';

export type ChannelRow = typeof channels.$inferSelect;
export type ChannelWithTeam = ChannelRow & { members: { id: string; name: string }[] };

export async function findChannel(db: Executor, orgId: string, id: string): Promise<ChannelWithTeam | null> {
  const [row] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.orgId, orgId), eq(channels.id, id), isNull(channels.deletedAt)));
  if (!row) return null;
  return { ...row, members: (await teamsOf(db, orgId, [row.id])).get(row.id) ?? [] };
}

export async function listChannelRows(db: Executor, orgId: string): Promise<ChannelWithTeam[]> {
  const rows = await db
    .select()
    .from(channels)
    .where(and(eq(channels.orgId, orgId), isNull(channels.deletedAt)))
    .orderBy(asc(channels.ownership), asc(channels.name));
  const teams = await teamsOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, members: teams.get(r.id) ?? [] }));
}

async function teamsOf(
  db: Executor,
  orgId: string,
  ids: string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ channelId: channelMembers.channelId, id: users.id, name: users.name })
    .from(channelMembers)
    .innerJoin(users, eq(users.id, channelMembers.userId))
    .where(and(eq(channelMembers.orgId, orgId), inArray(channelMembers.channelId, ids)))
    .orderBy(asc(users.name));
  for (const r of rows) {
    const list = out.get(r.channelId) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.channelId, list);
  }
  return out;
}
