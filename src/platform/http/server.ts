import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Locale } from '../i18n/locale.ts';
import type { Metrics } from '../metrics.ts';
import { registerAuthHooks } from './auth-hooks.ts';
import { registerErrorHandling, routeNotFound } from './errors.ts';
import type { Authenticator, Principal } from './principal.ts';
import { apiSecurityHeaders, securityHeaders } from './security-headers.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public', 'authenticated' or a permission name; required on every /api route. */
    permission?: string;
    /** Refuse API tokens: the route changes the sign-in itself (password, tokens, sessions). */
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with the permission it declares: the route × role test walks this list. */
    apiRoutes: ApiRoute[];
  }
}

export interface ApiRoute {
  method: string;
  url: string;
  permission: string;
  sessionOnly: boolean;
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  Logger,
  ZodTypeProvider
>;

export interface ServerOptions {
  log: Logger;
  authenticator: Authenticator;
  metrics: Metrics;
  trustProxy: boolean;
  /** Served over HTTPS (the public base URL says so). */
  https?: boolean;
  /** Built web app; when the directory exists it is served on the same port. */
  webDir?: string;
  /** Liveness is the process answering; readiness asks this. Returns null when ready or the reason. */
  readiness: () => Promise<string | null>;
  /** Optional bearer token protecting /metrics. */
  metricsToken?: string;
  bodyLimitBytes?: number;
  /** Largest file a multipart upload may carry. */
  uploadLimitBytes?: number;
  /** Registers the modules' routes (app.ts); runs inside the /api/v1 prefix. */
  routes: (app: App) => Promise<void> | void;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function buildServer(opts: ServerOptions): Promise<App> {
  const bodyLimit = opts.bodyLimitBytes ?? 1024 * 1024;
  const app = Fastify({
    loggerInstance: opts.log,
    // One line per request (in onResponse below) instead of Fastify's two halves the logging cost.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    trustProxy: opts.trustProxy,
    // Take a caller's request id when it looks like one, so a proxy's id ties the logs together.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'en');

  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/v1')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`route ${String(route.method)} ${url} declares no permission`);
    for (const method of ([] as string[]).concat(route.method)) {
      if (method === 'HEAD') continue;
      apiRoutes.push({ method, url, permission, sessionOnly: route.config?.sessionOnly ?? false });
    }
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  await app.register(fastifyCookie);
  // HSTS and upgrade-insecure-requests only behind HTTPS: on a plain-HTTP install they would lock browsers out.
  const pageHeaders = Object.fromEntries(securityHeaders(opts.https ?? false));
  const jsonHeaders = Object.fromEntries(apiSecurityHeaders(opts.https ?? false));
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(req.url.startsWith('/api/v1/') ? jsonHeaders : pageHeaders);
  });
  await app.register(fastifyRateLimit, { global: false });
  // Uploads (post images): one file per request, its size bounded here before a byte reaches a handler.
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: opts.uploadLimitBytes ?? 16 * 1024 * 1024,
      files: 1,
      fields: 10,
      fieldSize: 10_000,
      parts: 12,
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Chorus API',
        version: '1',
        description:
          'The REST API of Chorus. Authenticate with a session cookie (web app; writes need the x-csrf-token header) or with a personal API token: `Authorization: Bearer chorus_pat_…`. Errors are RFC 9457 problem+json, translated by Accept-Language (de, en).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token' },
          session: { type: 'apiKey', in: 'cookie', name: 'chorus_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (csp) => (opts.https ? csp : csp.replace(/upgrade-insecure-requests;?/, '')),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerErrorHandling(app);
  registerAuthHooks(app, opts.authenticator);
  opts.metrics.instrument(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const reason = await opts.readiness().catch((err: Error) => `database unreachable: ${err.message}`);
    if (reason) return reply.code(503).send({ status: 'unavailable', reason });
    return { status: 'ready' };
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (opts.metricsToken && req.headers.authorization !== `Bearer ${opts.metricsToken}`) {
      return reply.code(401).type('text/plain').send('metrics token required\n');
    }
    return reply.type(opts.metrics.contentType).send(await opts.metrics.render());
  });

  await app.register(
    async (api) => {
      await opts.routes(api as unknown as App);
    },
    { prefix: '/api/v1' },
  );

  if (opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webDir, wildcard: false, index: false });
    // The web app routes in the browser: any other GET for a page gets index.html.
    const indexHtml = fs.readFileSync(path.join(opts.webDir, 'index.html'));
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) throw routeNotFound(req.method, req.url);
      const file = path.join(opts.webDir!, path.normalize(req.url.split('?')[0]!));
      if (file.startsWith(opts.webDir!) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(opts.webDir!, file));
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    });
  }
  return app;
}
