import { Anchor, Badge, Card, Group, List, Loader, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChannelOwnership, ChannelRights } from '../../api/governance-types.ts';
import { fetchPostingRights } from '../../api/guidelines.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { QueryError } from '../../components/query-error.tsx';

function RightsCard({ ownership, rights }: { ownership: ChannelOwnership; rights: ChannelRights }) {
  const { t } = useTranslation();
  const headingId = `posting-rights-${ownership}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid={headingId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h4" id={headingId}>
          {t(`postingRights.${ownership}`)}
        </Title>
        <Badge color={rights.allowed ? 'green' : 'red'} variant="light">
          {rights.allowed ? t('postingRights.allowed') : t('postingRights.notAllowed')}
        </Badge>
      </Group>
      {rights.allowed ? (
        <Text size="sm">{t(`postingRights.allowedText.${ownership}`)}</Text>
      ) : (
        <>
          <Text size="sm" mb="xs">
            {t('postingRights.missingIntro')}
          </Text>
          <List size="sm" spacing={4}>
            {rights.missing.map((m) => (
              <List.Item key={`${m.kind}-${m.id}`}>
                <Anchor component={Link} to={m.path}>
                  {t(`postingRights.missing.${m.kind}`, { title: m.title })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Card>
  );
}

/** Whether the signed-in person may post, per kind of channel, and links to whatever is missing. */
export function PostingRightsStatus() {
  const { t, i18n } = useTranslation();
  const rights = useQuery({ queryKey: queryKeys.postingRights(i18n.language), queryFn: fetchPostingRights });
  return (
    <section aria-labelledby="posting-rights">
      <Title order={2} id="posting-rights" mb="sm">
        {t('postingRights.title')}
      </Title>
      {rights.isError ? (
        <QueryError error={rights.error} onRetry={() => void rights.refetch()} />
      ) : rights.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <RightsCard ownership="company" rights={rights.data.company} />
          <RightsCard ownership="personal" rights={rights.data.personal} />
        </SimpleGrid>
      )}
    </section>
  );
}
