// Rules found from marks in the text ('@' e-mail addresses and mentions, '#' hashtags, '.' links) and the
// rules about the text as a whole: disclosures, required and forbidden hashtags and mentions, networks.
import { type Collector, inScope } from './collector.ts';
import type { CompiledPolicy } from './compile.ts';
import { detectEmail } from './detectors/email.ts';
import { detectLink, hostMatches, type LinkMatch } from './detectors/links.ts';
import { detectHashtag, detectMention, type TagMatch } from './detectors/tags.ts';
import type { Policy } from './policy-schema.ts';
import type { EvalContext } from './types.ts';

export interface Tags {
  hashtags: TagMatch[];
  mentions: TagMatch[];
}

export function detectMarks(
  text: string,
  cp: CompiledPolicy,
  ctx: EvalContext,
  emailOn: boolean,
  marks: Int32Array,
  markCount: number,
  out: Collector,
  tags: Tags,
): void {
  const { policy } = cp;
  const links = policy.links && inScope(policy.links.scope, ctx) ? policy.links : undefined;
  let linkEnd = -1;
  let emailEnd = -1;
  for (let k = 0; k < markCount; k++) {
    const m = marks[k]!;
    const c = text.charCodeAt(m);
    if (c === 64) {
      if (emailOn && m >= emailEnd) {
        const e = detectEmail(text, m);
        if (e) {
          emailEnd = e.end;
          const d = policy.detectors.email;
          const domain = e.address.slice(e.address.indexOf('@'));
          if (!cp.allow.email.has(e.address) && !cp.allow.email.has(domain)) {
            const rule = 'detector.email';
            out.add('email', e.start, e.end, d?.severity ?? 'warn', rule, rule, d ?? {}, e.address);
          }
          continue;
        }
      }
      if (cp.needsMentions) {
        const t = detectMention(text, m);
        if (t) tags.mentions.push(t);
      }
    } else if (c === 35) {
      if (cp.needsHashtags) {
        const t = detectHashtag(text, m);
        if (t) tags.hashtags.push(t);
      }
    } else if (links && m >= linkEnd) {
      const { link, until } = detectLink(text, m);
      linkEnd = until;
      if (link) checkLink(link, cp, out);
    }
  }
}

function checkLink(l: LinkMatch, cp: CompiledPolicy, out: Collector): void {
  const links = cp.policy.links!;
  const meta = { section: links.section };
  const { blockedDomains: blocked, allowedDomains: allowed, shorteners, tracking } = links;
  if (blocked?.domains.some((d) => hostMatches(l.host, d))) {
    const rule = 'links.blocked-domain';
    out.add('link', l.start, l.end, blocked.severity, rule, rule, meta, l.host);
  } else if (allowed && !allowed.domains.some((d) => hostMatches(l.host, d))) {
    const rule = 'links.not-allowed';
    out.add('link', l.start, l.end, allowed.severity, rule, rule, meta, l.host);
  }
  if (shorteners && cp.shorteners.some((d) => hostMatches(l.host, d))) {
    const rule = 'links.shortener';
    out.add('link', l.start, l.end, shorteners.severity, rule, rule, meta, l.host);
  }
  if (tracking) {
    for (const p of l.params) {
      if (cp.trackingExact.has(p.name) || cp.trackingPrefixes.some((x) => p.name.startsWith(x))) {
        const rule = 'links.tracking-parameter';
        out.add('link', p.start, p.end, tracking.severity, rule, rule, meta, p.name);
      }
    }
  }
}

function isLowSurrogateOfPair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xdc00 || c > 0xdfff || i === 0) return false;
  const p = text.charCodeAt(i - 1);
  return p >= 0xd800 && p <= 0xdbff;
}

/** The UTF-16 offset after `count` code points, or -1 when the text has no more than that. */
function offsetAfterCodePoints(text: string, count: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (isLowSurrogateOfPair(text, i)) continue;
    if (seen === count) return i;
    seen++;
  }
  return -1;
}

/**
 * A rule's "@nordbank" names the account on every network: "@nordbank@social.example" (fediverse) and
 * "@nordbank.bsky.social" (Bluesky) are the same account. Hashtags compare whole.
 */
function tagIn(set: ReadonlySet<string>, value: string, mention: boolean): boolean {
  if (set.has(value)) return true;
  if (!mention) return false;
  const cut = value.search(/[@.]/);
  return cut > 0 && set.has(value.slice(0, cut));
}

export function wholeTextRules(
  text: string,
  cp: CompiledPolicy,
  ctx: EvalContext,
  tags: Tags,
  disclosureSeen: ReadonlySet<number>,
  employerSeen: ReadonlySet<number>,
  out: Collector,
): void {
  const { policy } = cp;
  const n = text.length;
  policy.disclosures.forEach((d, i) => {
    if (!inScope(d.scope, ctx)) return;
    const required =
      d.when === 'always' ||
      ctx.isAboutEmployer === true ||
      (ctx.isAboutEmployer === undefined && employerSeen.has(i));
    if (!required || disclosureSeen.has(i)) return;
    if (tags.hashtags.some((t) => cp.disclosureTags[i]!.has(t.value))) return;
    if (tags.mentions.some((t) => tagIn(cp.disclosureMentions[i]!, t.value, true))) return;
    out.add('disclosure', n, n, d.severity, `disclosures.${d.id}`, 'disclosures', d, d.anyOf.join(' / '));
  });
  const tagRules = (
    kind: 'hashtag' | 'mention',
    rules: Policy['hashtags'],
    sets: Set<string>[],
    found: TagMatch[],
  ) => {
    const prefix = kind === 'hashtag' ? 'hashtags' : 'mentions';
    rules.forEach((r, i) => {
      if (!inScope(r.scope, ctx)) return;
      const set = sets[i]!;
      const mention = kind === 'mention';
      if (r.mode === 'forbidden') {
        for (const t of found) {
          if (tagIn(set, t.value, mention))
            out.add(kind, t.start, t.end, r.severity, `${prefix}.${r.id}`, `${prefix}.forbidden`, r);
        }
      } else if (!found.some((t) => tagIn(set, t.value, mention))) {
        out.add(kind, n, n, r.severity, `${prefix}.${r.id}`, `${prefix}.required`, r, r.values.join(' / '));
      }
    });
  };
  tagRules('hashtag', policy.hashtags, cp.hashtagRules, tags.hashtags);
  tagRules('mention', policy.mentions, cp.mentionRules, tags.mentions);
  for (const r of policy.networks) {
    if (!ctx.network || !r.networks.includes(ctx.network) || !inScope(r.scope, ctx)) continue;
    if (r.forbidden)
      out.add('network', 0, 0, r.severity, `networks.${r.id}`, 'networks.forbidden', r, ctx.network);
    if (r.maxLength !== undefined && n > r.maxLength) {
      // lengths count code points, as the networks do: an emoji is one character, not two
      const from = offsetAfterCodePoints(text, r.maxLength);
      if (from >= 0)
        out.add(
          'network',
          from,
          n,
          r.severity,
          `networks.${r.id}`,
          'networks.max-length',
          r,
          String(r.maxLength),
        );
    }
  }
}
