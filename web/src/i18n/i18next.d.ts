import type en from '../../i18n/en.json';

// English is the reference catalogue: a key missing from it is a type error at the call site.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
