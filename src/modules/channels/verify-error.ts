import { AuthExpired, ConnectorError, RateLimited, Rejected } from '../../connectors/connector.ts';
import { DomainError } from '../../platform/http/problem.ts';

/** A connector's failure while connecting or checking a channel, as a message the person can act on. */
export function verifyProblem(err: unknown): DomainError {
  if (err instanceof AuthExpired)
    return new DomainError(422, 'channel_credentials_refused', { reason: err.message });
  if (err instanceof Rejected)
    return new DomainError(422, 'channel_credentials_refused', { reason: err.reason });
  if (err instanceof RateLimited)
    return new DomainError(
      503,
      'network_rate_limited',
      { seconds: err.retryAfterSeconds },
      {
        headers: { 'retry-after': String(err.retryAfterSeconds) },
      },
    );
  if (err instanceof ConnectorError)
    return new DomainError(502, 'network_unavailable', { reason: err.message });
  throw err;
}
