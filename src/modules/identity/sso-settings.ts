import { eq } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { ssoConfigs, ssoDomains } from '../../platform/db/schema/sso.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { classifyOidcError, discoverIssuer, parseIssuer } from './oidc-client.ts';
import { findSsoConfig, type SsoConfig, ssoDomainsOfOthers } from './repo.ts';
import type { Role } from './roles.ts';

export interface SsoSettingsInput {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  enabled: boolean;
  domains: string[];
  autoProvision: boolean;
  defaultRole: Exclude<Role, 'owner' | 'admin'>;
  allowPassword: boolean;
}

export const secretContext = (orgId: string) => `oidc:${orgId}`;

export function domainOf(email: string): string {
  return email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
}

export function ssoCallbackUrl(ctx: Context): string {
  return `${ctx.config.baseUrl.replace(/\/$/, '')}/api/v1/auth/sso/callback`;
}

/** What the API and the audit log show of the settings: everything but the secret. */
export function ssoView(c: SsoConfig) {
  return {
    issuer: c.issuer,
    clientId: c.clientId,
    clientSecretSet: c.clientSecretSealed.length > 0,
    enabled: c.enabled,
    domains: c.domains,
    autoProvision: c.autoProvision,
    defaultRole: c.defaultRole,
    allowPassword: c.allowPassword,
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The audit log records what changed, not when (the entry has its own time) and never the secret. */
function auditView(c: SsoConfig) {
  const { updatedAt: _, clientSecretSet: __, ...rest } = ssoView(c);
  return rest;
}

/** Proves the issuer is an OpenID Connect provider before anyone is sent there. */
async function verifyIssuer(issuer: URL): Promise<void> {
  try {
    await discoverIssuer(issuer);
  } catch (err) {
    const failure = classifyOidcError(err);
    if (!failure) throw err;
    const params = {
      issuer: issuer.href,
      reason: failure.kind === 'refused' ? failure.error : failure.reason,
    };
    const fieldErrors = [{ path: 'issuer', message: params.reason }];
    throw new DomainError(
      422,
      failure.kind === 'unreachable' ? 'sso_issuer_unreachable' : 'sso_issuer_invalid',
      params,
      { fieldErrors },
    );
  }
}

export async function saveSsoSettings(ctx: Context, actor: Actor, input: SsoSettingsInput) {
  const issuer = parseIssuer(input.issuer);
  const domains = [...new Set(input.domains)].sort();
  // Outside the transaction: a slow provider must not hold a database connection.
  await verifyIssuer(issuer);
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await findSsoConfig(tx, actor.orgId);
      const sealed = input.clientSecret
        ? ctx.secrets.seal(input.clientSecret, secretContext(actor.orgId))
        : before?.clientSecretSealed;
      if (!sealed) {
        throw new DomainError(
          422,
          'sso_client_secret_required',
          {},
          { fieldErrors: [{ path: 'clientSecret', message: 'required' }] },
        );
      }
      const [taken] = await ssoDomainsOfOthers(tx, actor.orgId, domains);
      if (taken) throw domainTaken(taken);
      const values = {
        issuer: input.issuer.trim(),
        clientId: input.clientId,
        clientSecretSealed: sealed,
        enabled: input.enabled,
        autoProvision: input.autoProvision,
        defaultRole: input.defaultRole,
        allowPassword: input.allowPassword,
        updatedAt: new Date(),
      };
      if (before) await tx.update(ssoConfigs).set(values).where(eq(ssoConfigs.orgId, actor.orgId));
      else await tx.insert(ssoConfigs).values({ ...values, orgId: actor.orgId });
      await tx.delete(ssoDomains).where(eq(ssoDomains.orgId, actor.orgId));
      await tx.insert(ssoDomains).values(domains.map((domain) => ({ domain, orgId: actor.orgId })));
      const after = (await findSsoConfig(tx, actor.orgId))!;
      await recordAudit(tx, actor, {
        action: 'sso.updated',
        targetType: 'organisation',
        targetId: actor.orgId,
        summary: {
          before: before ? auditView(before) : null,
          after: auditView(after),
          clientSecretChanged: input.clientSecret !== undefined,
        },
      });
      return after;
    });
  } catch (err) {
    // Two organisations claiming the same domain at the same moment: the primary key decides.
    if (isUniqueViolation(err)) throw domainTaken(domains.join(', '));
    throw err;
  }
}

function domainTaken(domain: string): DomainError {
  return new DomainError(
    409,
    'sso_domain_taken',
    { domain },
    { fieldErrors: [{ path: 'domains', message: `${domain} is taken` }] },
  );
}

export async function deleteSsoSettings(ctx: Context, actor: Actor): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findSsoConfig(tx, actor.orgId);
    if (!before) throw new DomainError(404, 'sso_not_set_up');
    // The domains go with it (foreign key, on delete cascade).
    await tx.delete(ssoConfigs).where(eq(ssoConfigs.orgId, actor.orgId));
    await recordAudit(tx, actor, {
      action: 'sso.deleted',
      targetType: 'organisation',
      targetId: actor.orgId,
      summary: { before: auditView(before) },
    });
  });
}
