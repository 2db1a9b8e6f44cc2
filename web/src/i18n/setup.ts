import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from '../../i18n/de.json' with { type: 'json' };
import en from '../../i18n/en.json' with { type: 'json' };
import { initialLocale } from './language.ts';

export const resources = {
  de: { translation: de },
  en: { translation: en },
} as const;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: ['de', 'en'],
  // React escapes every string it renders; escaping here as well would show "&amp;" to the user.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const syncDocumentLanguage = (lng: string) => {
  document.documentElement.lang = lng;
};
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);
