/**
 * Errors are values with a status (DESIGN convention 8). Use cases throw a DomainError with a message
 * code from the catalogue; the error handler renders it as RFC 9457 problem+json in the caller's language.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly fieldErrors?: FieldError[];
  readonly headers?: Record<string, string>;
  /** RFC 9457 extension members: details a client can act on (the issues of a post, guideline findings). */
  readonly extensions?: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    params: Record<string, string | number> = {},
    extra: {
      fieldErrors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.status = status;
    this.code = code;
    this.params = params;
    this.fieldErrors = extra.fieldErrors;
    this.headers = extra.headers;
    this.extensions = extra.extensions;
  }
}

export const notFound = (what = 'not_found', params: Record<string, string | number> = {}) =>
  new DomainError(404, what, params);
export const forbidden = (permission: string) => new DomainError(403, 'forbidden', { permission });
export const conflict = (code = 'conflict', params: Record<string, string | number> = {}) =>
  new DomainError(409, code, params);
export const invalid = (
  code: string,
  fieldErrors: FieldError[] = [],
  params: Record<string, string | number> = {},
) => new DomainError(422, code, params, { fieldErrors });

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
export const problemType = (code: string) => `urn:chorus:problem:${code.replaceAll('_', '-')}`;
