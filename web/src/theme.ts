import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  InputWrapper,
  Modal,
  Notification,
  PasswordInput,
  Select,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { TFunction } from 'i18next';

/**
 * Mantine's icon-only controls (clear, close, show password, calendar arrows) have no names, or English
 * ones; the theme gives every instance a translated name, so no screen uses one unnamed.
 */
export function createAppTheme(t: TFunction) {
  const clear = { 'aria-label': t('common.clear') };
  return createTheme({
    primaryColor: 'indigo',
    // A focus ring for every keyboard focus, none for mouse clicks.
    focusRing: 'auto',
    defaultRadius: 'sm',
    components: {
      // A badge's label may shrink to nothing inside its grid, so a squeezed table column cut "Aktiv" to
      // "AK…"; badges hold one or two words, which must always be readable in full.
      Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
      // Most fields are required, so the few optional ones say "(optional)" in their label instead of
      // asterisks on all others; labels then read exactly as written (no "*" in the accessible name).
      InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
      Select: Select.extend({ defaultProps: { clearButtonProps: clear } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } },
      }),
      // Without the word "password", so the field's label stays the only element named after it.
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.toggleVisibility') } },
      }),
      DateTimePicker: DateTimePicker.extend({
        defaultProps: {
          clearButtonProps: clear,
          nextLabel: t('dates.next'),
          previousLabel: t('dates.previous'),
          timePickerProps: { hoursInputLabel: t('dates.hours'), minutesInputLabel: t('dates.minutes') },
          submitButtonProps: { 'aria-label': t('dates.apply') },
        },
      }),
    },
  });
}

/** Mantine's dimmed grey (gray.6) has a contrast of about 3.3:1 on white; gray.7 passes WCAG AA for small text. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
