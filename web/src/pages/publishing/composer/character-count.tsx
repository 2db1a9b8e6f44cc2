import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TextMeasure } from './text-measure.ts';

/** "123 / 500", red and announced when over the network's limit (characters, and bytes where counted). */
export function CharacterCount({ measure, channel }: { measure: TextMeasure; channel: string }) {
  const { t } = useTranslation();
  const bytesOver =
    measure.bytes !== undefined && measure.maxBytes !== undefined && measure.bytes > measure.maxBytes;
  return (
    <Text
      size="sm"
      c={measure.over ? 'red' : 'dimmed'}
      fw={measure.over ? 700 : undefined}
      aria-label={t('composer.count.label', { channel, used: measure.used, max: measure.max })}
      data-over={measure.over}
    >
      {t('composer.count.value', { used: measure.used, max: measure.max })}
      {measure.bytes !== undefined &&
        ` · ${t('composer.count.bytes', { used: measure.bytes, max: measure.maxBytes ?? 0 })}`}
      {measure.over && ` — ${bytesOver ? t('composer.count.overBytes') : t('composer.count.over')}`}
    </Text>
  );
}
