import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserStatus } from '../../../api/types.ts';

const COLORS: Record<UserStatus, string> = { invited: 'blue', active: 'green', deactivated: 'gray' };

export function StatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`users.status.${status}`)}
    </Badge>
  );
}
