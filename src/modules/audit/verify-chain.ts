import type { Executor } from '../../platform/db/client.ts';
import { entryHash, GENESIS_HASH } from './hash-chain.ts';
import { allEntries } from './repo.ts';

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first entry whose hash, link or sequence does not hold; everything from there on is suspect. */
  brokenAtSeq: number | null;
  reason: 'hash' | 'link' | 'gap' | null;
}

export async function verifyChain(db: Executor, orgId: string): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for await (const e of allEntries(db, orgId)) {
    const fail = (reason: ChainReport['reason']): ChainReport => ({
      ok: false,
      checked,
      brokenAtSeq: e.seq,
      reason,
    });
    if (e.seq !== expectedSeq) return fail('gap');
    if (e.prevHash !== prevHash) return fail('link');
    const recomputed = entryHash(prevHash, {
      orgId: e.orgId,
      seq: e.seq,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      targetLabel: e.targetLabel,
      summary: e.summary,
      requestId: e.requestId,
      ip: e.ip,
    });
    if (recomputed !== e.hash) return fail('hash');
    prevHash = e.hash;
    expectedSeq++;
    checked++;
  }
  return { ok: true, checked, brokenAtSeq: null, reason: null };
}
