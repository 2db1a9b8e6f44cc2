/** One field-level complaint of an RFC 9457 problem. */
export interface FieldError {
  path: string;
  message: string;
}

/** The RFC 9457 problem+json body the server sends with every error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  /** Already translated by the server into the request's Accept-Language. */
  detail: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem, options?: ErrorOptions) {
    super(problem.detail || problem.title, options);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  get detail(): string {
    return this.problem.detail || this.problem.title;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item) =>
    isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
}

/**
 * Reads a problem body defensively: a proxy or a crashed server may answer with HTML or nothing, and the
 * user should still see a sentence rather than "undefined".
 */
export function toProblem(status: number, body: unknown, fallbackDetail: string): Problem {
  const b = isRecord(body) ? body : {};
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  return {
    type: text(b.type) ?? 'about:blank',
    title: text(b.title) ?? fallbackDetail,
    status: typeof b.status === 'number' ? b.status : status,
    detail: text(b.detail) ?? text(b.title) ?? fallbackDetail,
    code: text(b.code) ?? 'unknown',
    requestId: text(b.requestId),
    errors: toFieldErrors(b.errors),
  };
}
