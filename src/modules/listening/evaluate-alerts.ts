import { and, eq, gte, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import {
  listeningAlertRules,
  listeningAlerts,
  listeningMatches,
} from '../../platform/db/schema/listening.ts';
import { notify, queueNotificationMail } from '../notifications/notify.ts';
import { NEGATIVE_BELOW } from './analyse.ts';
import { listRules, type MatchRow, type RuleRow, type SearchRow } from './repo.ts';
import { DELIVER_JOB } from './run-queue.ts';

const EXCERPTS = 5;
const EXCERPT_CHARS = 280;

export interface DeliverJobData {
  orgId: string;
  alertId: string;
  destination: 'slack' | 'teams' | 'email';
}

interface Verdict {
  matchCount: number;
  negativePercent: number | null;
}

/** What a rule says about the search right now; null: nothing to tell. */
async function judge(ctx: Context, rule: RuleRow, fresh: readonly MatchRow[]): Promise<Verdict | null> {
  if (rule.kind === 'every_match')
    return fresh.length > 0 ? { matchCount: fresh.length, negativePercent: null } : null;
  const since = new Date(Date.now() - rule.windowMinutes * 60_000);
  const [w] = await ctx.db
    .select({
      total: sql<number>`count(*)::int`,
      negative: sql<number>`count(*) filter (where ${listeningMatches.sentiment} < ${NEGATIVE_BELOW})::int`,
    })
    .from(listeningMatches)
    .where(
      and(
        eq(listeningMatches.orgId, rule.orgId),
        eq(listeningMatches.searchId, rule.searchId),
        gte(listeningMatches.postedAt, since),
      ),
    );
  const total = w?.total ?? 0;
  if (rule.kind === 'volume')
    return total >= rule.threshold ? { matchCount: total, negativePercent: null } : null;
  // negative_share: a handful of posts says nothing about a mood.
  if (total < rule.minSample) return null;
  const percent = Math.round(((w?.negative ?? 0) * 100) / total);
  return percent >= rule.threshold ? { matchCount: total, negativePercent: percent } : null;
}

/**
 * Evaluates the search's active rules after new matches were stored. A rule that fires is silent for its
 * quiet period (checked again under a row lock, so two workers finishing at once alert once): one spike,
 * one alert. In-app notifications are written in the same transaction; e-mail, Slack and Teams are jobs,
 * retried with backoff, their failures written on the rule.
 */
export async function evaluateAlerts(
  ctx: Context,
  search: SearchRow,
  fresh: readonly MatchRow[],
): Promise<void> {
  for (const rule of await listRules(ctx.db, search.orgId, search.id)) {
    if (!rule.active) continue;
    const verdict = await judge(ctx, rule, fresh);
    if (!verdict) continue;
    const excerpts = [...fresh]
      .sort((a, b) => (rule.kind === 'negative_share' ? a.sentiment - b.sentiment : 0))
      .slice(0, EXCERPTS)
      .map((m) => `@${m.authorHandle}: ${m.text.slice(0, EXCERPT_CHARS)}`);
    const fired = await ctx.db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ lastFiredAt: listeningAlertRules.lastFiredAt })
        .from(listeningAlertRules)
        .where(and(eq(listeningAlertRules.orgId, rule.orgId), eq(listeningAlertRules.id, rule.id)))
        .for('update');
      if (!locked) return null;
      const quietUntil = (locked.lastFiredAt?.getTime() ?? 0) + rule.quietMinutes * 60_000;
      if (rule.quietMinutes > 0 && quietUntil > Date.now()) return null;
      const now = new Date();
      await tx
        .update(listeningAlertRules)
        .set({ lastFiredAt: now })
        .where(and(eq(listeningAlertRules.orgId, rule.orgId), eq(listeningAlertRules.id, rule.id)));
      const [alert] = await tx
        .insert(listeningAlerts)
        .values({
          orgId: rule.orgId,
          ruleId: rule.id,
          searchId: search.id,
          matchCount: verdict.matchCount,
          negativePercent: verdict.negativePercent,
          excerpts,
        })
        .returning({ id: listeningAlerts.id });
      const mailIds = await notify(tx, {
        orgId: rule.orgId,
        userIds: rule.inAppUserIds,
        kind: 'listening.alert',
        params: {
          search: search.name,
          rule: rule.name,
          count: String(verdict.matchCount),
          excerpt: excerpts[0] ?? '',
        },
        link: `/listening/${search.id}`,
      });
      return { alertId: alert!.id, mailIds };
    });
    if (!fired) continue;
    await queueNotificationMail(ctx, fired.mailIds);
    const destinations: DeliverJobData['destination'][] = [
      ...(rule.slackUrlSealed ? (['slack'] as const) : []),
      ...(rule.teamsUrlSealed ? (['teams'] as const) : []),
      ...(rule.emails.length > 0 ? (['email'] as const) : []),
    ];
    for (const destination of destinations) {
      const data: DeliverJobData = { orgId: rule.orgId, alertId: fired.alertId, destination };
      await ctx.queue.send(DELIVER_JOB, data, { retryLimit: 5, retryDelaySeconds: 15, retryBackoff: true });
    }
  }
}
