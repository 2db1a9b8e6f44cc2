import { i18n } from '../i18n/setup.ts';
import { ApiError, toProblem } from './api-error.ts';
import { CSRF_HEADER, readCsrfToken } from './csrf.ts';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * 'redirect' (the default) sends the user to the sign-in page on 401. Calls made by signed-out pages
   * (sign-in, invitation) use 'throw', so a wrong password is shown instead of reloading the page.
   */
  onUnauthorized?: 'redirect' | 'throw';
}

type UnauthorizedHandler = () => void;
let unauthorizedHandler: UnauthorizedHandler = () => {
  window.location.assign('/sign-in');
};

/** The app installs a handler that navigates inside the router, keeping the query cache consistent. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  unauthorizedHandler = handler;
}

/** Builds a path with its query string, leaving out empty values so filters stay optional. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch (error) {
    // A broken body is reported as the server's fault, with the HTTP status it came with.
    throw new ApiError(
      toProblem(response.status, undefined, i18n.t('errors.badResponse', { status: response.status })),
      { cause: error },
    );
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': i18n.language,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCsrfToken();
    if (csrf) headers[CSRF_HEADER] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(toProblem(0, undefined, i18n.t('errors.network')), { cause: error });
  }

  const body = await readBody(response);
  if (response.ok) return body as T;

  if (response.status === 401 && (options.onUnauthorized ?? 'redirect') === 'redirect') unauthorizedHandler();
  throw new ApiError(toProblem(response.status, body, i18n.t('errors.http', { status: response.status })));
}
