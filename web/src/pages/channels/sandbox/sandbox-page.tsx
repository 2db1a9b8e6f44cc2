import { Anchor, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { fetchChannels } from '../../../api/channels.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { fetchSandboxAccounts, type SandboxAccount } from '../../../api/sandbox.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { sandboxAccountPath } from '../account-link.tsx';
import { SandboxAccountPanel } from './sandbox-account-panel.tsx';

function ChannelCell({ account }: { account: SandboxAccount }) {
  const { t } = useTranslation();
  // Shares the channel list's cache; a personal channel of someone else is not in it, but still connected.
  const channels = useQuery({ queryKey: queryKeys.channels, queryFn: fetchChannels });
  if (!account.channelId) return <>{t('sandbox.accounts.notConnected')}</>;
  const channel = channels.data?.items.find((c) => c.id === account.channelId);
  if (!channel) return <>{t('sandbox.accounts.connected')}</>;
  return (
    <Anchor component={Link} to={`/channels/${channel.id}`}>
      {channel.name}
    </Anchor>
  );
}

/** The in-process demo network: its accounts, and for the chosen one its posts and its audience. */
export function SandboxPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // Public addresses name the account by handle: /channels/sandbox/@beispiel(/<post id>).
  const handle = useParams().handle?.replace(/^@/, '');
  const accounts = useQuery({ queryKey: queryKeys.sandboxAccounts, queryFn: fetchSandboxAccounts });
  const items = accounts.data?.items ?? [];
  // Without a choice in the address the first account is shown, so the page is never empty.
  const selected =
    items.find((a) => a.id === params.get('account')) ?? items.find((a) => a.handle === handle) ?? items[0];

  return (
    <Stack gap="xl">
      <Anchor component={Link} to="/channels" size="sm">
        {t('channels.detail.back')}
      </Anchor>
      <PageHeader title={t('sandbox.title')} description={t('sandbox.summary')} />
      {accounts.isError ? (
        <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : accounts.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <>
          <section aria-labelledby="sandbox-accounts">
            <Title order={2} id="sandbox-accounts" mb="sm">
              {t('sandbox.accounts.title')}
            </Title>
            {items.length === 0 ? (
              <Text c="dimmed">{t('sandbox.accounts.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped aria-labelledby="sandbox-accounts">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('sandbox.accounts.handle')}</Table.Th>
                      <Table.Th scope="col">{t('sandbox.accounts.displayName')}</Table.Th>
                      <Table.Th scope="col">{t('sandbox.accounts.channel')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((account) => (
                      <Table.Tr key={account.id}>
                        <Table.Th scope="row" fw={500}>
                          <Anchor
                            component={Link}
                            to={sandboxAccountPath(account.id)}
                            aria-current={account.id === selected?.id ? 'true' : undefined}
                          >
                            @{account.handle}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>{account.displayName}</Table.Td>
                        <Table.Td>
                          <ChannelCell account={account} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
          {selected && <SandboxAccountPanel key={selected.id} account={selected} />}
        </>
      )}
    </Stack>
  );
}
