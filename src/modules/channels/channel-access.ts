import type { Principal } from '../../platform/http/principal.ts';

/** Roles that run the company's channels as a whole, beyond any one channel's team. */
const CHANNEL_LEADS = new Set(['owner', 'admin', 'manager']);

export interface ChannelRef {
  ownership: string;
  ownerUserId: string | null;
  memberIds: readonly string[];
}

/**
 * Who may publish to a channel: a personal channel only its owner; a company channel its team and the roles
 * that lead social media. Everybody else drafts for it and asks someone who may.
 */
export function mayPublishTo(p: Pick<Principal, 'userId' | 'role'>, c: ChannelRef): boolean {
  if (c.ownership === 'personal') return c.ownerUserId === p.userId;
  return CHANNEL_LEADS.has(p.role) || c.memberIds.includes(p.userId);
}

/** Company channels are visible to everyone; a personal channel to its owner and the channel leads. */
export function maySee(p: Pick<Principal, 'userId' | 'role'>, c: Omit<ChannelRef, 'memberIds'>): boolean {
  return c.ownership === 'company' || c.ownerUserId === p.userId || CHANNEL_LEADS.has(p.role);
}

export function mayManage(
  p: Pick<Principal, 'userId' | 'permissions'>,
  c: Omit<ChannelRef, 'memberIds'>,
): boolean {
  if (c.ownership === 'personal') return c.ownerUserId === p.userId;
  return p.permissions.has('channels.manage');
}
