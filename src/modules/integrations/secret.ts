import { randomBytes } from 'node:crypto';

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64 (the package's format). */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The secret box context: a sealed secret moved to another endpoint's row does not open. */
export const secretContext = (endpointId: string) => `webhook:${endpointId}`;
