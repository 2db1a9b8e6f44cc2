import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { Channel } from '../../api/channels.ts';

/** Only web addresses become links: a channel's URL comes from the network and is not trusted. */
function isWebUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}

export function sandboxAccountPath(accountId: string): string {
  return `/channels/sandbox?account=${encodeURIComponent(accountId)}`;
}

/**
 * A sandbox account lives inside Chorus, so its handle opens the sandbox page; any other opens the
 * account on its network in a new tab.
 */
export function AccountLink({ channel }: { channel: Pick<Channel, 'network' | 'account'> }) {
  const { account } = channel;
  if (channel.network === 'sandbox')
    return (
      <Anchor component={Link} to={sandboxAccountPath(account.id)}>
        {account.handle}
      </Anchor>
    );
  if (!isWebUrl(account.url)) return <span>{account.handle}</span>;
  return (
    <Anchor href={account.url} target="_blank" rel="noopener noreferrer">
      {account.handle}
    </Anchor>
  );
}
