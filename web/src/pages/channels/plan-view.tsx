import { List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/channels.ts';
import { weekdayLabel } from './channel-labels.ts';
import { sortedSlots } from './plan-slots.ts';

/** The posting plan for those who may not change it. */
export function PlanView({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const slots = sortedSlots(channel.plan);
  return (
    <section aria-labelledby="channel-plan">
      <Title order={2} id="channel-plan" mb="xs">
        {t('channels.plan.title')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('channels.plan.inZone', { zone: channel.planTimeZone })}
      </Text>
      {slots.length === 0 ? (
        <Text>{t('channels.plan.empty')}</Text>
      ) : (
        <List>
          {slots.map((s) => (
            <List.Item key={`${s.weekday}-${s.time}`}>
              {t('channels.plan.slot', { weekday: weekdayLabel(t, s.weekday), time: s.time })}
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
