import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Locale } from '../i18n/locale.ts';
import { message } from './messages.ts';
import { DomainError, type FieldError, PROBLEM_CONTENT_TYPE, type Problem, problemType } from './problem.ts';
import type { App } from './server.ts';

const zodLocales = { de: z.locales.de(), en: z.locales.en() };

export const routeNotFound = (method: string, url: string) =>
  new DomainError(404, 'route_not_found', { method, url: url.split('?')[0]!.slice(0, 200) });

/** Every error leaves as RFC 9457 problem+json in the caller's language; a 500 never shows internals. */
export function registerErrorHandling(app: App): void {
  app.setNotFoundHandler((req, reply) => sendProblem(req, reply, routeNotFound(req.method, req.url)));
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const domain = toDomainError(err, req);
    if (domain.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: domain.code, status: domain.status }, 'request refused');
    return sendProblem(req, reply, domain);
  });
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: DomainError): FastifyReply {
  const locale = req.locale ?? 'en';
  const params = { ...err.params, requestId: req.id };
  const { title, detail } = message(err.code, locale, params);
  const body: Problem = {
    ...err.extensions,
    type: problemType(err.code),
    title,
    status: err.status,
    detail,
    instance: req.url.split('?')[0],
    code: err.code,
    requestId: req.id,
    ...(err.fieldErrors?.length ? { errors: err.fieldErrors } : {}),
  };
  if (err.headers) reply.headers(err.headers);
  return reply.code(err.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

function toDomainError(err: FastifyError, req: FastifyRequest): DomainError {
  if (err instanceof DomainError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fieldErrors = err.validation.map((v) => translateIssue(v, err.validationContext, req.locale));
    return new DomainError(
      400,
      'validation_failed',
      { fields: fieldErrors.map((f) => f.path || '(body)').join(', ') },
      { fieldErrors },
    );
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError(413, 'body_too_large', {
        limit: `${Math.round((req.routeOptions.bodyLimit ?? 0) / 1024)} KiB`,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError(415, 'unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DomainError(400, 'malformed_json');
  }
  if (err.statusCode === 429) {
    const seconds = Math.max(1, Math.ceil(Number(err.message.match(/(\d+)\s*second/)?.[1] ?? 60)));
    return new DomainError(429, 'rate_limited', { seconds });
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
    return new DomainError(400, 'malformed_json');
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new DomainError(err.statusCode, 'bad_request');
  }
  return new DomainError(500, 'internal');
}

interface ValidationEntry {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Zod's own German and English messages, rebuilt from the issue the type provider passed on. */
function translateIssue(v: ValidationEntry, context: string | undefined, locale: Locale): FieldError {
  const pathParts = v.instancePath.split('/').filter(Boolean);
  const issue = { ...v.params, code: v.keyword, path: pathParts, message: v.message ?? '' } as Parameters<
    (typeof zodLocales)['en']['localeError']
  >[0];
  const out = zodLocales[locale].localeError(issue);
  const text = typeof out === 'string' ? out : (out?.message ?? v.message ?? '');
  const prefix = context && context !== 'body' ? `${context}.` : '';
  return { path: `${prefix}${pathParts.join('.')}`, message: text };
}
