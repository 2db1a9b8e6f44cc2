// The organisation's policy: versions in the database, the current one parsed once per process and version.
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { guidelinePolicies } from '../../platform/db/schema/governance.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { DomainError } from '../../platform/http/problem.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { BUILTIN_POLICY, type Policy, parsePolicy } from '../../policy/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { policyInvalid } from './policy-errors.ts';

/** The version decisions name while an organisation has saved no policy: the built-in detectors only. */
export const BUILTIN_VERSION = 0;

export interface LoadedPolicy {
  version: number;
  policy: Policy;
  /** The organisation's region, where national phone numbers are read. */
  region: string;
}

// Keyed by the database handle, so test apps in one process never share a cache. The parsed policy object
// is kept because the engine caches its compiled form per policy object (30–50 ms for a large policy).
const caches = new WeakMap<object, Map<string, LoadedPolicy>>();

/**
 * The current policy. One small query per call asks for the latest version, so a policy saved by another
 * process applies at once; the stored JSON is read and parsed only when the version changed.
 */
export async function currentPolicy(db: Executor, orgId: string): Promise<LoadedPolicy> {
  const head = await db.execute<{ region: string; version: number | null }>(
    sql`select o.region, (select max(p.version) from guideline_policies p where p.org_id = o.id)::int as version
        from organisations o where o.id = ${orgId}`,
  );
  const row = head.rows[0];
  if (!row) throw new DomainError(404, 'not_found');
  const version = row.version ?? BUILTIN_VERSION;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(orgId);
  if (hit && hit.version === version && hit.region === row.region) return hit;
  const policy = version === BUILTIN_VERSION ? BUILTIN_POLICY : await loadVersion(db, orgId, version);
  const loaded = { version, policy, region: row.region };
  cache.set(orgId, loaded);
  return loaded;
}

async function loadVersion(db: Executor, orgId: string, version: number): Promise<Policy> {
  const row = await findPolicyVersion(db, orgId, version);
  if (!row) throw new DomainError(404, 'policy_version_not_found', { version });
  const parsed = parsePolicy(row.policy);
  // Saved policies were valid when saved; only a stricter engine can make one unreadable. Refusing to
  // check is safer than checking with fewer rules than the organisation set.
  if (!parsed.ok) throw new DomainError(500, 'policy_unreadable', { version });
  return parsed.policy;
}

export async function findPolicyVersion(db: Executor, orgId: string, version: number) {
  const [row] = await db
    .select()
    .from(guidelinePolicies)
    .where(and(eq(guidelinePolicies.orgId, orgId), eq(guidelinePolicies.version, version)));
  return row;
}

export async function latestPolicyRow(db: Executor, orgId: string) {
  const [row] = await db
    .select()
    .from(guidelinePolicies)
    .where(eq(guidelinePolicies.orgId, orgId))
    .orderBy(desc(guidelinePolicies.version))
    .limit(1);
  return row;
}

export async function listPolicyVersions(db: Executor, orgId: string) {
  return db
    .select({
      version: guidelinePolicies.version,
      note: guidelinePolicies.note,
      createdAt: guidelinePolicies.createdAt,
      createdByLabel: guidelinePolicies.createdByLabel,
    })
    .from(guidelinePolicies)
    .where(eq(guidelinePolicies.orgId, orgId))
    .orderBy(desc(guidelinePolicies.version));
}

function asObject(input: unknown): Record<string, unknown> | null {
  return typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : null;
}

/**
 * What gets validated: the server hands out the version; an id is optional for people writing a policy by
 * hand.
 */
function candidate(input: Record<string, unknown>, version: number): Record<string, unknown> {
  return { ...input, id: input.id ?? 'guideline', version };
}

export async function savePolicy(
  tx: Executor,
  actor: Actor,
  input: { policy: unknown; note?: string },
  lang: Locale,
): Promise<{ version: number; createdAt: Date }> {
  const given = asObject(input.policy);
  if (!given) throw policyInvalid(input.policy, lang);
  // Versions are handed out one at a time per organisation, so two managers saving at once get 4 and 5.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`guideline_policy:${actor.orgId}`}, 0))`,
  );
  const latest = await latestPolicyRow(tx, actor.orgId);
  const version = (latest?.version ?? BUILTIN_VERSION) + 1;
  const stored = candidate(given, version);
  const parsed = parsePolicy(stored);
  if (!parsed.ok) throw policyInvalid(stored, lang);
  const note = input.note?.trim() ?? '';
  const [row] = await tx
    .insert(guidelinePolicies)
    .values({
      orgId: actor.orgId,
      version,
      policy: stored,
      note,
      createdBy: actor.userId,
      createdByLabel: actor.label,
    })
    .returning();
  const p = parsed.policy;
  await recordAudit(tx, actor, {
    action: 'guideline_policy.saved',
    targetType: 'guideline_policy',
    targetId: String(version),
    targetLabel: `v${version}`,
    summary: {
      after: {
        version,
        note,
        termLists: p.terms.length,
        patterns: p.patterns.length,
        disclosures: p.disclosures.length,
        networkRules: p.networks.length,
      },
    },
  });
  return { version, createdAt: row!.createdAt };
}

// Drafts tried in the editor are parsed on every (debounced) keystroke; the last few stay parsed, so the
// engine's compiled form is reused while only the text changes.
const drafts = new Map<string, Policy>();
const DRAFTS_KEPT = 16;

/** A policy that is not saved yet, validated as saving would; for trying texts against it. */
export function draftPolicy(input: unknown, lang: Locale): Policy {
  const given = asObject(input);
  if (!given) throw policyInvalid(input, lang);
  const version = typeof given.version === 'number' && given.version > 0 ? given.version : 1;
  const stored = candidate(given, Math.floor(version));
  const key = createHash('sha256').update(JSON.stringify(stored)).digest('base64');
  const kept = drafts.get(key);
  if (kept) return kept;
  const parsed = parsePolicy(stored);
  if (!parsed.ok) throw policyInvalid(stored, lang);
  if (drafts.size >= DRAFTS_KEPT) drafts.delete(drafts.keys().next().value!);
  drafts.set(key, parsed.policy);
  return parsed.policy;
}
