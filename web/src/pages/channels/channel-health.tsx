import { Badge, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/channels.ts';
import { useDateTime } from '../../components/date-format.ts';
import { healthLabel } from './channel-labels.ts';

export function HealthBadge({ health }: { health: Channel['health'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={health.status === 'active' ? 'green' : 'red'} variant="light">
      {healthLabel(t, health.status)}
    </Badge>
  );
}

/**
 * The last success, the last error in the network's words and the token's expiry: enough to tell a
 * channel that merely had a bad minute from one whose token was revoked.
 */
export function HealthDetails({ health }: { health: Channel['health'] }) {
  const { t } = useTranslation();
  const formatDate = useDateTime();
  return (
    <List size="sm" spacing={2} listStyleType="none" p={0} m={0}>
      <List.Item>{t('channels.health.lastSuccess', { date: formatDate(health.lastSuccessAt) })}</List.Item>
      <List.Item>
        {health.lastError ? (
          <Text span size="sm" c="red.8">
            {t('channels.health.lastError', {
              date: formatDate(health.lastErrorAt),
              error: health.lastError,
            })}
          </Text>
        ) : (
          t('channels.health.noError')
        )}
      </List.Item>
      <List.Item>
        {health.tokenExpiresAt
          ? t('channels.health.tokenExpires', { date: formatDate(health.tokenExpiresAt) })
          : t('channels.health.tokenNeverExpires')}
      </List.Item>
    </List>
  );
}
