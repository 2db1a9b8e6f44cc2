import { ApiError } from '../../api/api-error.ts';
import { type FieldErrors, splitFieldErrors } from '../../components/form-errors.ts';
import { errorMessage } from '../../components/notify.ts';

export interface ChannelFormProblem<F extends string> {
  byField: FieldErrors<F>;
  /** What belongs to no field (the network refused the credentials, the account is already connected). */
  message: string | null;
}

/**
 * Like formErrors, but what belongs to no field stays in the form, beside the fields it is about: a
 * refusal by the network is the answer to what was just typed and must not vanish with a toast.
 * `byCode` places domain errors that name no field ("handle taken") next to the field they are about.
 */
export function channelFormProblem<F extends string>(
  error: unknown,
  fields: readonly F[],
  byCode: Partial<Record<string, F>> = {},
): ChannelFormProblem<F> {
  const field = error instanceof ApiError ? byCode[error.code] : undefined;
  if (error instanceof ApiError && field) {
    const byField: FieldErrors<F> = {};
    byField[field] = error.detail;
    return { byField, message: null };
  }
  const { byField, unmatched } = splitFieldErrors(error, fields);
  return { byField, message: unmatched ? errorMessage(error) : null };
}
