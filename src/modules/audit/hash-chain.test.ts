import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from './hash-chain.ts';

const fields = {
  orgId: 'o',
  seq: 1,
  at: '2026-01-01T00:00:00.000Z',
  actorId: null,
  actorLabel: 'a',
  action: 'x.y',
  targetType: 't',
  targetId: null,
  targetLabel: null,
  summary: { b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } },
  requestId: null,
  ip: null,
};

describe('hash chain', () => {
  it('serialises keys in sorted order at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(canonicalJson([{ b: 1, a: 2 }])).toBe('[{"a":2,"b":1}]');
  });

  it('hashes the same entry the same regardless of key order', () => {
    const reordered = { ...fields, summary: { a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 } };
    expect(entryHash(GENESIS_HASH, fields)).toBe(entryHash(GENESIS_HASH, reordered));
  });

  it('changes with any field and with the previous hash', () => {
    const h = entryHash(GENESIS_HASH, fields);
    expect(entryHash(GENESIS_HASH, { ...fields, action: 'x.z' })).not.toBe(h);
    expect(entryHash(GENESIS_HASH, { ...fields, summary: { b: 2 } })).not.toBe(h);
    expect(entryHash('f'.repeat(64), fields)).not.toBe(h);
  });
});
