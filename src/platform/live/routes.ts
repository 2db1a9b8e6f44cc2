import { z } from 'zod';
import { principalOf } from '../http/actor.ts';
import { type Authenticator, SESSION_COOKIE } from '../http/principal.ts';
import type { App } from '../http/server.ts';
import type { LiveHub } from './hub.ts';
import { MAX_TOPIC_LENGTH } from './topics.ts';

const tags = ['live'];

const topicsQuery = z
  .string()
  .min(1)
  .max(25 * (MAX_TOPIC_LENGTH + 1))
  .transform((s) =>
    s
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  );

/**
 * `GET /live` streams Server-Sent Events for topics the caller may read; `POST /live/presence` tells the
 * others on a topic that the caller is viewing, typing or has left. Both sit in the platform: modules only
 * register their topics (hub.registerTopic) and publish (publishLive).
 */
export function registerLiveRoutes(app: App, hub: LiveHub, authenticator: Authenticator): void {
  app.get(
    '/live',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'A Server-Sent Events stream of changes and presence on the given topics',
        description:
          'Events: `ready`, `presence` ({topic, present}), `message` ({topic, type, data, at}), `closed` ({reason}); ' +
          '`: ping` comments every 15 s. The stream ends when the session ends.',
        querystring: z.strictObject({ topics: topicsQuery }),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      await hub.authorise(principal, req.query.topics);
      // The same credential the request came with, asked again when access changes or periodically.
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const cookie = req.cookies[SESSION_COOKIE];
      const revalidate = () =>
        bearer
          ? authenticator.fromToken(bearer)
          : cookie
            ? authenticator.fromSession(cookie)
            : Promise.resolve(null);
      const raw = reply.raw;
      // The head goes out with the first bytes, so a refusal by hub.open (too many streams) is still an
      // ordinary problem+json answer. From then on Fastify leaves the response to us (no onSend hooks).
      let started = false;
      const start = () => {
        if (started) return;
        started = true;
        reply.hijack();
        raw.writeHead(200, {
          ...(reply.getHeaders() as Record<string, string>),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          'x-accel-buffering': 'no',
          'x-request-id': req.id,
        });
      };
      const conn = hub.open({
        principal,
        topics: req.query.topics,
        revalidate,
        sink: {
          write: (chunk) => {
            start();
            raw.write(chunk);
          },
          buffered: () => raw.writableLength,
          end: () => raw.end(),
        },
      });
      // The browser went away (or the socket broke): forget the connection so nothing leaks.
      raw.on('close', () => conn.close('client'));
      raw.on('error', () => conn.close('client'));
    },
  );

  app.post(
    '/live/presence',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Tells the others on a topic that you are viewing it, typing, or have left',
        body: z.strictObject({
          topic: z.string().min(3).max(MAX_TOPIC_LENGTH),
          state: z.enum(['viewing', 'typing', 'left']),
        }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      await hub.authorise(principal, [req.body.topic]);
      await hub.announce(principal, req.body.topic, req.body.state);
      return reply.status(204).send(null);
    },
  );
}
