import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { Channel } from '../../api/channels.ts';

/** Only web addresses become links: a channel's URL comes from the network and is not trusted. */
function isWebUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}

/** Handles read as handles everywhere: "@beispiel", whether or not the network stores the "@". */
export const displayHandle = (handle: string) => (handle.startsWith('@') ? handle : `@${handle}`);

export function sandboxAccountPath(accountId: string): string {
  return `/channels/sandbox?account=${encodeURIComponent(accountId)}`;
}

/**
 * A sandbox account lives inside Chorus, so its handle opens the sandbox page; any other opens the
 * account on its network in a new tab.
 */
export function AccountLink({ channel }: { channel: Pick<Channel, 'network' | 'account'> }) {
  const { account } = channel;
  const handle = displayHandle(account.handle);
  if (channel.network === 'sandbox')
    return (
      <Anchor component={Link} to={sandboxAccountPath(account.id)}>
        {handle}
      </Anchor>
    );
  if (!isWebUrl(account.url)) return <span>{handle}</span>;
  return (
    <Anchor href={account.url} target="_blank" rel="noopener noreferrer">
      {handle}
    </Anchor>
  );
}
