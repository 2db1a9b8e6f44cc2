import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import { apiTokens } from '../../platform/db/schema/identity.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ACCESS_CHANGED, TOKEN_PREFIX } from './authenticator.ts';
import { permissionsOf } from './roles.ts';

export async function createApiToken(
  ctx: Context,
  actor: Actor & { role: string },
  input: { name: string; scopes: string[]; expiresInDays: number | null },
) {
  const allowed = permissionsOf(actor.role) as ReadonlySet<string>;
  const outside = input.scopes.filter((s) => !allowed.has(s));
  if (outside.length > 0) {
    throw new DomainError(
      422,
      'invalid_scope',
      { scopes: outside.join(', ') },
      {
        fieldErrors: [{ path: 'scopes', message: outside.join(', ') }],
      },
    );
  }
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        orgId: actor.orgId,
        userId: actor.userId!,
        name: input.name.trim(),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: sha256Hex(secret),
        scopes: [...new Set(input.scopes)].sort(),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'api_token.created',
      targetType: 'api_token',
      targetId: row!.id,
      targetLabel: row!.name,
      summary: {
        after: { name: row!.name, scopes: row!.scopes, expiresAt: row!.expiresAt?.toISOString() ?? null },
      },
    });
    const { tokenHash: _hash, orgId: _org, userId: _user, ...token } = row!;
    return { token, secret };
  });
}

export async function revokeApiToken(ctx: Context, actor: Actor, tokenId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiTokens.id, tokenId),
          eq(apiTokens.orgId, actor.orgId),
          eq(apiTokens.userId, actor.userId!),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!row) throw new DomainError(404, 'token_not_found');
    await recordAudit(tx, actor, {
      action: 'api_token.revoked',
      targetType: 'api_token',
      targetId: row.id,
      targetLabel: row.name,
      summary: { before: { name: row.name } },
    });
  });
  await ctx.events.publish({ type: ACCESS_CHANGED, orgId: actor.orgId, payload: { userId: actor.userId } });
}
