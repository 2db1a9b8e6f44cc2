import { ApiError } from '../api/api-error.ts';
import { notifyError } from './notify.ts';

const VALIDATION_FAILED = 'validation_failed';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * The server may name a field "email", "/email" or "body.email"; all of them mean the form's "email". An
 * item of a list ("domains.2") belongs to the list's field, which shows the message.
 */
function matchField<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const parts = path.split(/[./]/).filter((p) => p.length > 0 && p !== 'body');
  while (parts.length > 1 && /^\d+$/.test(parts[parts.length - 1] ?? '')) parts.pop();
  const name = parts.join('.');
  return fields.find((f) => f === name || name.endsWith(`.${f}`));
}

/** The messages of a failed submit that belong next to this form's fields, and whether any did not. */
export function splitFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): { byField: FieldErrors<F>; unmatched: boolean } {
  const byField: FieldErrors<F> = {};
  if (!(error instanceof ApiError)) return { byField, unmatched: true };
  // Schema validation explains each field in its message; a domain error ("wrong current password")
  // names its field, and its translated detail is the sentence to show there.
  const perField = error.code === VALIDATION_FAILED;
  let unmatched = error.fieldErrors.length === 0;
  for (const { path, message } of error.fieldErrors) {
    const field = matchField(path, fields);
    if (field) byField[field] = byField[field] ?? (perField ? message : error.detail);
    else unmatched = true;
  }
  return { byField, unmatched };
}

/**
 * For forms in modals and pages: field messages go next to the fields, anything else (or the whole error,
 * when it names no field of this form) becomes a notification, so no error goes unseen.
 */
export function formErrors<F extends string>(error: unknown, fields: readonly F[]): FieldErrors<F> {
  const { byField, unmatched } = splitFieldErrors(error, fields);
  if (unmatched) notifyError(error);
  return byField;
}
