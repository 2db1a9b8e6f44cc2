import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Permission, useCan } from '../session/session-context.ts';

/** Pages the user may not open say so, instead of showing an empty table from a 403. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  if (!useCan(permission)) {
    return (
      <Alert color="yellow" title={t('errors.forbiddenTitle')} role="alert">
        {t('errors.forbidden')}
      </Alert>
    );
  }
  return children;
}
