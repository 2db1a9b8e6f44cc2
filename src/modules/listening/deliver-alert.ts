import { and, eq, sql } from 'drizzle-orm';
import type { Context } from '../../context.ts';
import { organisations } from '../../platform/db/schema/identity.ts';
import {
  listeningAlertRules,
  listeningAlerts,
  listeningSearches,
} from '../../platform/db/schema/listening.ts';
import type { DeliverJobData } from './evaluate-alerts.ts';
import { webhookSealContext } from './save-rule.ts';
import { type AlertMessage, deliverWebhook } from './webhook.ts';

const TEXTS = {
  de: {
    title: 'Chorus-Alarm: {search}',
    every_match: '{count} neue Treffer für „{search}“ (Regel „{rule}“).',
    volume: '{count} Treffer in den letzten {window} Minuten für „{search}“ (Regel „{rule}“).',
    negative_share:
      '{percent} % negative Stimmung unter {count} Treffern der letzten {window} Minuten (Regel „{rule}“).',
  },
  en: {
    title: 'Chorus alert: {search}',
    every_match: '{count} new matches for "{search}" (rule "{rule}").',
    volume: '{count} matches in the last {window} minutes for "{search}" (rule "{rule}").',
    negative_share:
      '{percent} % negative among {count} matches of the last {window} minutes (rule "{rule}").',
  },
} as const;

const fill = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => String(p[k] ?? m));

/**
 * Sends one fired alert to one destination (a job, retried with backoff). The outcome is written on the
 * rule — the last error is what people see on the search page; a success clears it.
 */
export async function deliverAlert(ctx: Context, job: DeliverJobData): Promise<void> {
  const [row] = await ctx.db
    .select({
      alert: listeningAlerts,
      rule: listeningAlertRules,
      search: listeningSearches,
      locale: organisations.defaultLocale,
    })
    .from(listeningAlerts)
    .innerJoin(listeningAlertRules, eq(listeningAlertRules.id, listeningAlerts.ruleId))
    .innerJoin(listeningSearches, eq(listeningSearches.id, listeningAlerts.searchId))
    .innerJoin(organisations, eq(organisations.id, listeningAlerts.orgId))
    .where(and(eq(listeningAlerts.orgId, job.orgId), eq(listeningAlerts.id, job.alertId)));
  // The rule or search was deleted meanwhile: nothing is owed to anyone.
  if (!row) return;
  const { alert, rule, search } = row;
  const t = TEXTS[row.locale === 'en' ? 'en' : 'de'];
  const params = {
    search: search.name,
    rule: rule.name,
    count: alert.matchCount,
    percent: alert.negativePercent ?? 0,
    window: rule.windowMinutes,
  };
  const kind = rule.kind as keyof typeof t & ('every_match' | 'volume' | 'negative_share');
  const message: AlertMessage = {
    title: fill(t.title, params),
    lines: [fill(t[kind], params)],
    excerpts: alert.excerpts,
    link: new URL(`/listening/${search.id}`, ctx.config.baseUrl).toString(),
  };
  try {
    if (job.destination === 'email') {
      for (const to of rule.emails) {
        await ctx.mailer.send({
          to,
          subject: message.title,
          text: [...message.lines, '', ...message.excerpts.map((e) => `» ${e}`), '', message.link].join('\n'),
        });
      }
    } else {
      const sealed = job.destination === 'slack' ? rule.slackUrlSealed : rule.teamsUrlSealed;
      if (!sealed) return;
      const url = ctx.secrets.open(sealed, webhookSealContext(rule.id, job.destination));
      await deliverWebhook(job.destination, url, message, {
        allowPrivateAddresses: ctx.config.allowPrivateNetworks,
        timeoutMs: Math.min(ctx.config.networkTimeoutMs, 15_000),
      });
    }
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    await ctx.db
      .update(listeningAlertRules)
      .set({ lastError: `${job.destination}: ${why}`.slice(0, 1000), lastErrorAt: new Date() })
      .where(and(eq(listeningAlertRules.orgId, rule.orgId), eq(listeningAlertRules.id, rule.id)));
    throw err;
  }
  await ctx.db
    .update(listeningAlertRules)
    // Only this destination's own earlier failure is cleared: another one may still be failing.
    .set({
      lastDeliveredAt: new Date(),
      lastError: sql`case when ${listeningAlertRules.lastError} like ${`${job.destination}:%`} then null else ${listeningAlertRules.lastError} end`,
    })
    .where(and(eq(listeningAlertRules.orgId, rule.orgId), eq(listeningAlertRules.id, rule.id)));
}
