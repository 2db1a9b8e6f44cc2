import type { RouteObject } from 'react-router';
import { IntegrationsPage } from './integrations-page.tsx';
import { WebhookDetailPage } from './webhook-detail-page.tsx';

/** Outgoing webhooks; integrations.manage (owner, admin), which the server checks too. */
export const integrationRoutes: RouteObject[] = [
  { path: '/integrations', element: <IntegrationsPage /> },
  { path: '/integrations/webhooks/:id', element: <WebhookDetailPage /> },
];
