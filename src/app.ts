import type { Context } from './context.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { channelMessages } from './modules/channels/messages.ts';
import { registerChannelRoutes } from './modules/channels/routes.ts';
import { governanceMessages } from './modules/governance/messages.ts';
import { registerGovernanceRoutes } from './modules/governance/routes.ts';
import { ACCESS_CHANGED, createAuthenticator } from './modules/identity/authenticator.ts';
import { identityJobs } from './modules/identity/jobs.ts';
import { identityMessages } from './modules/identity/messages.ts';
import { registerIdentityRoutes } from './modules/identity/routes.ts';
import { registerSsoRoutes } from './modules/identity/sso-routes.ts';
import { integrationJobs } from './modules/integrations/jobs.ts';
import { registerIntegrationTopics } from './modules/integrations/live-topics.ts';
import { integrationMessages } from './modules/integrations/messages.ts';
import { registerIntegrationRoutes } from './modules/integrations/routes.ts';
import { listeningJobs } from './modules/listening/jobs.ts';
import { listeningMessages } from './modules/listening/messages.ts';
import { registerListeningRoutes } from './modules/listening/routes.ts';
import { notificationMessages } from './modules/notifications/messages.ts';
import { notificationJobs, registerNotificationRoutes } from './modules/notifications/routes.ts';
import { publishingJobs, startPublishingLoops } from './modules/publishing/jobs.ts';
import { publishingMessages } from './modules/publishing/messages.ts';
import { registerPublishingRoutes } from './modules/publishing/routes.ts';
import { requestMessages } from './modules/requests/messages.ts';
import { registerRequestRoutes } from './modules/requests/routes.ts';
import { migrationsPending } from './platform/db/migrator.ts';
import { registerMessages } from './platform/http/messages.ts';
import { type App, buildServer } from './platform/http/server.ts';
import { createLiveHub, type LiveHub, type LiveHubOptions } from './platform/live/hub.ts';
import { liveMessages } from './platform/live/messages.ts';
import { registerLiveRoutes } from './platform/live/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Live updates and presence of this server process (platform/live). */
    live: LiveHub;
  }
}

registerMessages(identityMessages);
registerMessages(channelMessages);
registerMessages(publishingMessages);
registerMessages(notificationMessages);
registerMessages(governanceMessages);
registerMessages(requestMessages);
registerMessages(liveMessages);
registerMessages(integrationMessages);
registerMessages(listeningMessages);

/** Wiring: hands each module's routes to the HTTP server (the platform never imports a module). */
export async function buildApp(
  ctx: Context,
  opts: { metricsToken?: string; live?: Omit<LiveHubOptions, 'events' | 'log' | 'accessChangedEvent'> } = {},
): Promise<App> {
  const authenticator = createAuthenticator({
    db: ctx.db,
    events: ctx.events,
    log: ctx.log,
    cacheTtlMs: ctx.config.authCacheMs,
  });
  // Subscribed after the authenticator, so an access change drops its cache before streams are re-checked.
  const live = createLiveHub({
    ...opts.live,
    events: ctx.events,
    log: ctx.log,
    accessChangedEvent: ACCESS_CHANGED,
  });
  const app = await buildServer({
    log: ctx.log,
    authenticator,
    metrics: ctx.metrics,
    trustProxy: ctx.config.trustProxy,
    https: ctx.config.baseUrl.startsWith('https://'),
    webDir: ctx.config.webDir,
    metricsToken: opts.metricsToken,
    readiness: async () => {
      const pending = await migrationsPending(ctx.db);
      return pending > 0 ? `${pending} database migration(s) not applied; run \`chorus migrate\`` : null;
    },
    routes: (api) => {
      registerIdentityRoutes(api, ctx, authenticator);
      registerSsoRoutes(api, ctx);
      registerAuditRoutes(api, ctx);
      registerChannelRoutes(api, ctx);
      registerPublishingRoutes(api, ctx);
      registerNotificationRoutes(api, ctx);
      registerGovernanceRoutes(api, ctx);
      registerRequestRoutes(api, ctx);
      registerIntegrationRoutes(api, ctx);
      registerLiveRoutes(api, live, authenticator);
      registerListeningRoutes(api, ctx);
    },
  });
  registerIntegrationTopics(live, ctx.db);
  app.decorate('live', live);
  live.start();
  // Before the server waits for open connections: streams never end on their own.
  app.addHook('preClose', async () => live.stop());
  return app;
}

/** Wiring: hands each module's job handlers and schedules to the queue (`serve` or `worker`). */
export async function startWorkers(ctx: Context): Promise<void> {
  for (const job of [
    ...identityJobs,
    ...notificationJobs,
    ...publishingJobs,
    ...integrationJobs,
    ...listeningJobs,
  ]) {
    const counted = async (jobs: number, run: () => Promise<void>) => {
      try {
        await run();
        ctx.metrics.jobsProcessed.inc({ queue: job.name, outcome: 'completed' }, jobs);
      } catch (err) {
        ctx.metrics.jobsProcessed.inc({ queue: job.name, outcome: 'failed' }, jobs);
        throw err;
      }
    };
    if (job.handleBatch) {
      const { handleBatch } = job;
      await ctx.queue.workBatch(
        job.name,
        (jobs) =>
          counted(jobs.length, () =>
            handleBatch(
              ctx,
              jobs.map((j) => j.data),
            ),
          ),
        job.options,
      );
    } else {
      const { handle } = job;
      await ctx.queue.work(job.name, (j) => counted(1, () => handle(ctx, j.data)), job.options);
    }
    if (job.cron) await ctx.queue.schedule(job.name, job.cron, {}, { tz: 'UTC' });
  }
  startPublishingLoops(ctx);
}
