import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal.ts';
import { DomainError } from './problem.ts';

/** Who did something, as the audit log records it. */
export interface Actor {
  userId: string | null;
  orgId: string;
  /** "Name <email>" at the time of the action. */
  label: string;
  requestId?: string;
  ip?: string;
  via?: 'session' | 'token' | 'cli' | 'system';
}

export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new DomainError(401, 'unauthenticated');
  return req.principal;
}

export function actorOf(req: FastifyRequest): Actor {
  const p = principalOf(req);
  return {
    userId: p.userId,
    orgId: p.orgId,
    label: `${p.name} <${p.email}>`,
    requestId: req.id,
    ip: req.ip,
    via: p.via,
  };
}
