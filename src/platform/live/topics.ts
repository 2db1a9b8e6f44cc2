import type { Principal } from '../http/principal.ts';

/**
 * Topics are `<prefix>:<id>`, e.g. `inbox-item:6f1c…`. The module that owns the prefix registers who may
 * listen (`registerTopic`); a topic without a registered prefix is refused, so nothing is ever streamed
 * that no module vouched for. Topics are also scoped by organisation in the hub: the same topic name in
 * two organisations is two topics.
 */
export type TopicAuthoriser = (principal: Principal, id: string) => boolean | Promise<boolean>;

const TOPIC = /^([a-z][a-z0-9-]{0,39}):([A-Za-z0-9_-]{1,100})$/;

export const MAX_TOPIC_LENGTH = 141;

export function parseTopic(topic: string): { prefix: string; id: string } | null {
  const m = TOPIC.exec(topic);
  return m ? { prefix: m[1]!, id: m[2]! } : null;
}

export type TopicVerdict = 'allowed' | 'forbidden' | 'unknown';

export interface TopicRegistry {
  /** Registers the owner of a prefix; registering a prefix twice is a wiring mistake and throws. */
  register(prefix: string, authorise: TopicAuthoriser): void;
  authorise(principal: Principal, topic: string): Promise<TopicVerdict>;
}

export function createTopicRegistry(): TopicRegistry {
  const owners = new Map<string, TopicAuthoriser>();
  return {
    register(prefix, authorise) {
      if (!/^[a-z][a-z0-9-]{0,39}$/.test(prefix)) throw new Error(`invalid live topic prefix "${prefix}"`);
      if (owners.has(prefix)) throw new Error(`live topic prefix "${prefix}" registered twice`);
      owners.set(prefix, authorise);
    },
    async authorise(principal, topic) {
      const parsed = parseTopic(topic);
      const owner = parsed && owners.get(parsed.prefix);
      if (!parsed || !owner) return 'unknown';
      return (await owner(principal, parsed.id)) ? 'allowed' : 'forbidden';
    },
  };
}
