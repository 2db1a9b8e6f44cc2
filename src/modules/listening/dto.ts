import type { z } from 'zod';
import type { MatchRow, RuleRow, SearchRow } from './repo.ts';
import type { matchSchema, ruleSchema, searchSchema } from './schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function searchDto(r: SearchRow & { matchCount: number }): z.infer<typeof searchSchema> {
  return {
    id: r.id,
    name: r.name,
    query: r.query,
    language: r.language === 'de' || r.language === 'en' ? r.language : null,
    channelIds: r.channelIds,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    lastRunAt: iso(r.lastRunAt),
    lastError: r.lastError,
    lastErrorAt: iso(r.lastErrorAt),
    matchCount: r.matchCount,
  };
}

export function ruleDto(r: RuleRow): z.infer<typeof ruleSchema> {
  return {
    id: r.id,
    searchId: r.searchId,
    name: r.name,
    kind: r.kind as z.infer<typeof ruleSchema>['kind'],
    threshold: r.threshold,
    windowMinutes: r.windowMinutes,
    minSample: r.minSample,
    quietMinutes: r.quietMinutes,
    active: r.active,
    inAppUserIds: r.inAppUserIds,
    emails: r.emails,
    slackHost: r.slackHost,
    teamsHost: r.teamsHost,
    lastFiredAt: iso(r.lastFiredAt),
    lastDeliveredAt: iso(r.lastDeliveredAt),
    lastError: r.lastError,
    lastErrorAt: iso(r.lastErrorAt),
  };
}

export function matchDto(m: MatchRow): z.infer<typeof matchSchema> {
  return {
    id: m.id,
    network: m.network,
    itemId: m.itemId,
    authorHandle: m.authorHandle,
    authorName: m.authorName,
    text: m.text,
    url: m.url,
    language: m.language,
    sentiment: m.sentiment,
    postedAt: m.postedAt.toISOString(),
    foundAt: m.foundAt.toISOString(),
  };
}
