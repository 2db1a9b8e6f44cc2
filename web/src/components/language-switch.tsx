import { Group, SegmentedControl, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../i18n/language.ts';
import { useLanguage } from '../i18n/use-language.ts';

/** Deutsch / English, labelled "Sprache"/"Language"; the names stay in their own language on purpose. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, change } = useLanguage();
  const labelId = useId();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text id={labelId} size="sm" fw={500}>
        {t('language.label')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        size="xs"
        value={locale}
        onChange={(value) => {
          if (isLocale(value)) void change(value);
        }}
        data={[
          { value: 'de', label: t('language.de') },
          { value: 'en', label: t('language.en') },
        ]}
      />
    </Group>
  );
}
