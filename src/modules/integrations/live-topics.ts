import type { Db } from '../../platform/db/client.ts';
import type { LiveHub } from '../../platform/live/hub.ts';
import { findEndpoint } from './repo.ts';

/** A webhook's deliveries change: the integrations page listens here and reloads the list. */
export const endpointTopic = (endpointId: string) => `webhook-endpoint:${endpointId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerIntegrationTopics(live: LiveHub, db: Db): void {
  live.registerTopic(
    'webhook-endpoint',
    async (p, id) =>
      p.permissions.has('integrations.manage') &&
      UUID.test(id) &&
      (await findEndpoint(db, p.orgId, id)) !== null,
  );
}
