import { Badge, Button, Code, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.ts';
import { fetchTokens } from '../../api/tokens.ts';
import type { ApiToken } from '../../api/types.ts';
import { useDateTime } from '../../components/date-format.ts';
import { QueryError } from '../../components/query-error.tsx';
import { CreateTokenModal } from './create-token-modal.tsx';
import { RevokeTokenButton } from './revoke-token-button.tsx';

type TokenState = 'active' | 'expired' | 'revoked';

function tokenState(token: ApiToken, now: number): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

const STATE_COLORS: Record<TokenState, string> = { active: 'green', expired: 'gray', revoked: 'red' };

export function TokensSection() {
  const { t } = useTranslation();
  const formatTime = useDateTime();
  const [creating, create] = useDisclosure(false);
  const tokens = useQuery({ queryKey: queryKeys.tokens, queryFn: fetchTokens });
  const items = tokens.data?.items ?? [];
  const now = Date.now();

  return (
    <section aria-labelledby="profile-tokens">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="profile-tokens">
          {t('tokens.title')}
        </Title>
        <Button onClick={create.open}>{t('tokens.create')}</Button>
      </Group>
      <Text mb="sm" maw={640}>
        {t('tokens.text')}
      </Text>
      {tokens.isError ? (
        <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('tokens.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Caption>{t('tokens.caption', { count: items.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tokens.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('tokens.fields.prefix')}</Table.Th>
                <Table.Th scope="col">{t('tokens.fields.scopes')}</Table.Th>
                <Table.Th scope="col">{t('tokens.fields.created')}</Table.Th>
                <Table.Th scope="col">{t('tokens.fields.lastUsed')}</Table.Th>
                <Table.Th scope="col">{t('tokens.fields.expires')}</Table.Th>
                <Table.Th scope="col">{t('tokens.fields.state')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((token) => {
                const state = tokenState(token, now);
                return (
                  <Table.Tr key={token.id}>
                    <Table.Th scope="row" fw={500}>
                      {token.name}
                    </Table.Th>
                    <Table.Td>
                      <Code>{token.prefix}</Code>
                    </Table.Td>
                    <Table.Td>{token.scopes.join(', ')}</Table.Td>
                    <Table.Td>{formatTime(token.createdAt)}</Table.Td>
                    <Table.Td>{formatTime(token.lastUsedAt)}</Table.Td>
                    <Table.Td>
                      {token.expiresAt ? formatTime(token.expiresAt) : t('tokens.noExpiry')}
                    </Table.Td>
                    <Table.Td miw={110}>
                      <Badge color={STATE_COLORS[state]} variant="light">
                        {t(`tokens.state.${state}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{state === 'active' && <RevokeTokenButton token={token} />}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <CreateTokenModal onClose={create.close} />}
    </section>
  );
}
