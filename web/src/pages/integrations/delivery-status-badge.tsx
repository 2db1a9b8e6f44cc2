import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../api/integrations.ts';

const COLOURS: Record<DeliveryStatus, string> = { pending: 'yellow', succeeded: 'teal', failed: 'red' };

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light">
      {t(`integrations.status.${status}`)}
    </Badge>
  );
}
