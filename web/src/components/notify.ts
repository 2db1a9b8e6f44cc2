import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/api-error.ts';
import { i18n } from '../i18n/setup.ts';

/** The sentence to show for any failure: the server's translated detail when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  return i18n.t('errors.unexpected');
}

export function notifyError(error: unknown): void {
  notifications.show({
    color: 'red',
    title: i18n.t('errors.title'),
    message: errorMessage(error),
    autoClose: 10_000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message });
}
