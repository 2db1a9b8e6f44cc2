import type { Context } from './context.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { channelMessages } from './modules/channels/messages.ts';
import { registerChannelRoutes } from './modules/channels/routes.ts';
import { governanceMessages } from './modules/governance/messages.ts';
import { registerGovernanceRoutes } from './modules/governance/routes.ts';
import { createAuthenticator } from './modules/identity/authenticator.ts';
import { identityJobs } from './modules/identity/jobs.ts';
import { identityMessages } from './modules/identity/messages.ts';
import { registerIdentityRoutes } from './modules/identity/routes.ts';
import { registerSsoRoutes } from './modules/identity/sso-routes.ts';
import { listeningJobs } from './modules/listening/jobs.ts';
import { listeningMessages } from './modules/listening/messages.ts';
import { registerListeningRoutes } from './modules/listening/routes.ts';
import { notificationMessages } from './modules/notifications/messages.ts';
import { notificationJobs, registerNotificationRoutes } from './modules/notifications/routes.ts';
import { publishingJobs, startPublishingLoops } from './modules/publishing/jobs.ts';
import { publishingMessages } from './modules/publishing/messages.ts';
import { registerPublishingRoutes } from './modules/publishing/routes.ts';
import { migrationsPending } from './platform/db/migrator.ts';
import { registerMessages } from './platform/http/messages.ts';
import { type App, buildServer } from './platform/http/server.ts';

registerMessages(identityMessages);
registerMessages(channelMessages);
registerMessages(publishingMessages);
registerMessages(notificationMessages);
registerMessages(governanceMessages);
registerMessages(listeningMessages);

/** Wiring: hands each module's routes to the HTTP server (the platform never imports a module). */
export async function buildApp(ctx: Context, opts: { metricsToken?: string } = {}): Promise<App> {
  const authenticator = createAuthenticator({
    db: ctx.db,
    events: ctx.events,
    log: ctx.log,
    cacheTtlMs: ctx.config.authCacheMs,
  });
  return buildServer({
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
      registerListeningRoutes(api, ctx);
    },
  });
}

/** Wiring: hands each module's job handlers and schedules to the queue (`serve` or `worker`). */
export async function startWorkers(ctx: Context): Promise<void> {
  for (const job of [...identityJobs, ...notificationJobs, ...publishingJobs, ...listeningJobs]) {
    await ctx.queue.work(
      job.name,
      async (j) => {
        try {
          await job.handle(ctx, j.data);
          ctx.metrics.jobsProcessed.inc({ queue: job.name, outcome: 'completed' });
        } catch (err) {
          ctx.metrics.jobsProcessed.inc({ queue: job.name, outcome: 'failed' });
          throw err;
        }
      },
      job.options,
    );
    if (job.cron) await ctx.queue.schedule(job.name, job.cron, {}, { tz: 'UTC' });
  }
  startPublishingLoops(ctx);
}
