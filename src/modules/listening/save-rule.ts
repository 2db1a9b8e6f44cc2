import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { memberships } from '../../platform/db/schema/identity.ts';
import { listeningAlertRules } from '../../platform/db/schema/listening.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError, notFound } from '../../platform/http/problem.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findRule, findSearch, type RuleRow } from './repo.ts';
import type { RuleBody } from './schema.ts';
import { checkWebhookUrl, type WebhookKind } from './webhook.ts';

/** Sealed like channel credentials: bound to the rule and the kind, so a ciphertext moved elsewhere does not open. */
export const webhookSealContext = (ruleId: string, kind: WebhookKind) =>
  `listening-webhook:${ruleId}:${kind}`;

type Sealed = { sealed: string | null; host: string | null } | undefined;

function sealUrl(ctx: Context, ruleId: string, kind: WebhookKind, raw: string | null | undefined): Sealed {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return { sealed: null, host: null };
  const url = checkWebhookUrl(raw, kind === 'slack' ? 'Slack' : 'Teams', ctx.config.allowPrivateNetworks);
  return { sealed: ctx.secrets.seal(url.toString(), webhookSealContext(ruleId, kind)), host: url.host };
}

async function checkRecipients(ctx: Context, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await ctx.db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, [...ids])));
  if (found.length !== new Set(ids).size) throw new DomainError(422, 'listening_recipient_unknown');
}

function values(body: RuleBody) {
  return {
    name: body.name,
    kind: body.kind,
    threshold: body.kind === 'every_match' ? 0 : body.threshold,
    windowMinutes: body.windowMinutes,
    minSample: body.minSample,
    quietMinutes: body.quietMinutes,
    active: body.active,
    inAppUserIds: [...new Set(body.inAppUserIds)],
    emails: [...new Set(body.emails.map((e) => e.toLowerCase()))],
  };
}

/** What the audit log keeps of a rule: never a webhook URL, only whether one is set and its host. */
function auditable(r: RuleRow) {
  const { slackUrlSealed, teamsUrlSealed, lastError, lastErrorAt, lastFiredAt, lastDeliveredAt, ...rest } = r;
  return { ...rest, slack: slackUrlSealed ? r.slackHost : null, teams: teamsUrlSealed ? r.teamsHost : null };
}

function requireDestination(r: RuleRow): void {
  if (r.inAppUserIds.length + r.emails.length === 0 && !r.slackUrlSealed && !r.teamsUrlSealed) {
    throw new DomainError(422, 'alert_no_destination');
  }
}

export async function createRule(
  ctx: Context,
  actor: Actor,
  searchId: string,
  body: RuleBody,
): Promise<RuleRow> {
  const search = await findSearch(ctx.db, actor.orgId, searchId);
  if (!search) throw notFound('search_not_found');
  await checkRecipients(ctx, actor.orgId, body.inAppUserIds);
  const id = crypto.randomUUID();
  const slack = sealUrl(ctx, id, 'slack', body.slackUrl);
  const teams = sealUrl(ctx, id, 'teams', body.teamsUrl);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(listeningAlertRules)
      .values({
        id,
        orgId: actor.orgId,
        searchId,
        ...values(body),
        slackUrlSealed: slack?.sealed ?? null,
        slackHost: slack?.host ?? null,
        teamsUrlSealed: teams?.sealed ?? null,
        teamsHost: teams?.host ?? null,
      })
      .returning();
    requireDestination(row!);
    await recordAudit(tx, actor, {
      action: 'listening.alert_rule_created',
      targetType: 'listening_alert_rule',
      targetId: id,
      targetLabel: `${search.name}: ${row!.name}`,
      summary: { after: auditable(row!) },
    });
    return row!;
  });
}

export async function updateRule(
  ctx: Context,
  actor: Actor,
  searchId: string,
  id: string,
  body: RuleBody,
): Promise<RuleRow> {
  const before = await findRule(ctx.db, actor.orgId, searchId, id);
  if (!before) throw notFound('alert_rule_not_found');
  await checkRecipients(ctx, actor.orgId, body.inAppUserIds);
  const slack = sealUrl(ctx, id, 'slack', body.slackUrl);
  const teams = sealUrl(ctx, id, 'teams', body.teamsUrl);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(listeningAlertRules)
      .set({
        ...values(body),
        ...(slack ? { slackUrlSealed: slack.sealed, slackHost: slack.host } : {}),
        ...(teams ? { teamsUrlSealed: teams.sealed, teamsHost: teams.host } : {}),
      })
      .where(and(eq(listeningAlertRules.orgId, actor.orgId), eq(listeningAlertRules.id, id)))
      .returning();
    requireDestination(row!);
    await recordAudit(tx, actor, {
      action: 'listening.alert_rule_updated',
      targetType: 'listening_alert_rule',
      targetId: id,
      targetLabel: row!.name,
      summary: { before: auditable(before), after: auditable(row!) },
    });
    return row!;
  });
}

export async function deleteRule(ctx: Context, actor: Actor, searchId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(listeningAlertRules)
      .where(
        and(
          eq(listeningAlertRules.orgId, actor.orgId),
          eq(listeningAlertRules.searchId, searchId),
          eq(listeningAlertRules.id, id),
        ),
      )
      .returning();
    if (!gone) throw notFound('alert_rule_not_found');
    await recordAudit(tx, actor, {
      action: 'listening.alert_rule_deleted',
      targetType: 'listening_alert_rule',
      targetId: id,
      targetLabel: gone.name,
      summary: { before: auditable(gone) },
    });
  });
}
