import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/notify.ts';

/** A refused action, in the server's words, right next to the button that was pressed. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" title={t('composer.actionFailed')} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
