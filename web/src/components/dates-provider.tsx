import 'dayjs/locale/de.js';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Month and weekday names of the date pickers follow the UI language; weeks start on Monday. */
export function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'de' ? 'de' : 'en', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}
