import { ColorSwatch, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TARGET_STATES } from '../../../api/calendar.ts';
import { stateColourVar } from './state-colours.ts';

/** What the colours mean; the events name their state in words too. */
export function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <Group
      gap="md"
      component="ul"
      aria-label={t('calendar.legend')}
      style={{ listStyle: 'none', padding: 0 }}
    >
      {TARGET_STATES.map((state) => (
        <Group key={state} gap={6} component="li" wrap="nowrap">
          <ColorSwatch color={stateColourVar(state)} size={14} withShadow={false} aria-hidden />
          <Text size="sm">{t(`calendar.states.${state}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
