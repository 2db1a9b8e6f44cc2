import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SandboxMetrics as Metrics } from '../../../api/sandbox.ts';

const METRICS = ['likes', 'reposts', 'replies', 'impressions'] as const;

/** The counts as the network reports them; one it could not tell is shown as unknown, not as 0. */
export function SandboxMetrics({ metrics }: { metrics: Metrics }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Group gap="md" mt="xs" component="dl" m={0}>
      {METRICS.map((m) => (
        <Group key={m} gap={4} wrap="nowrap">
          <Text component="dt" size="sm" c="dimmed">
            {t(`sandbox.metrics.${m}`)}
          </Text>
          <Text component="dd" size="sm" fw={500} m={0} data-testid={`metric-${m}`}>
            {metrics[m] === null ? t('sandbox.metrics.unknown') : number.format(metrics[m])}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
