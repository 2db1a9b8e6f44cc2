import { createHash, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSecretBox,
  hashPassword,
  loadOrCreateKeyFile,
  randomToken,
  SecretBoxError,
  sha256Hex,
  verifyPassword,
} from './crypto.ts';

const key = () => randomBytes(32).toString('base64');

describe('passwords', () => {
  it('encodes scrypt parameters and verifies the right password only', async () => {
    const encoded = await hashPassword('correct horse battery staple');
    const parts = encoded.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(64);
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('returns false for malformed or hostile hashes instead of throwing', async () => {
    const good = await hashPassword('pw');
    const [, , , , salt, hash] = good.split('$');
    const bad = [
      '',
      'plain',
      'bcrypt$2b$10$abc',
      `scrypt$16384$8$1$${salt}`,
      `scrypt$16385$8$1$${salt}$${hash}`, // N not a power of two
      `scrypt$${2 ** 24}$8$1$${salt}$${hash}`, // would need gigabytes
      `scrypt$16384$0$1$${salt}$${hash}`,
      `scrypt$16384$8$1$!!!$${hash}`,
      `scrypt$16384$8$1$${salt}$AAAA`, // too short
      `scrypt$16384$8$1$${salt}$${hash}$extra`,
    ];
    for (const encoded of bad) expect(await verifyPassword('pw', encoded), encoded).toBe(false);
  });

  it('verifies hashes made with other parameters', async () => {
    // A hash from before the parameters were raised must still verify: they are read from the string.
    const salt = randomBytes(16);
    const hash = scryptSync('old', salt, 32, { N: 1024, r: 4, p: 2 });
    const encoded = `scrypt$1024$4$2$${salt.toString('base64')}$${hash.toString('base64')}`;
    expect(await verifyPassword('old', encoded)).toBe(true);
    expect(await verifyPassword('new', encoded)).toBe(false);
  });
});

describe('tokens', () => {
  it('makes url-safe random tokens of the requested size', () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(Buffer.from(randomToken(16), 'base64url')).toHaveLength(16);
    expect(randomToken()).not.toBe(t);
  });

  it('hashes with sha256 as hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('secret box', () => {
  it('round-trips and never produces the same ciphertext twice', () => {
    const box = createSecretBox([key()]);
    const a = box.seal('token-ä-😀', 'channel:1');
    const b = box.seal('token-ä-😀', 'channel:1');
    expect(a).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('token');
    expect(box.open(a, 'channel:1')).toBe('token-ä-😀');
    expect(box.open(box.seal(''), undefined)).toBe('');
  });

  it('names the key by the first 8 hex characters of its sha256', () => {
    const k = key();
    const expected = createHash('sha256').update(Buffer.from(k, 'base64')).digest('hex').slice(0, 8);
    expect(createSecretBox([k]).seal('x').split('.')[1]).toBe(expected);
  });

  it('detects tampering', () => {
    const box = createSecretBox([key()]);
    const sealed = box.seal('secret', 'ctx');
    const [v, id, data] = sealed.split('.') as [string, string, string];
    const raw = Buffer.from(data, 'base64url');
    for (const offset of [0, 12, 28, raw.length - 1]) {
      const copy = Buffer.from(raw);
      copy[offset] = copy[offset]! ^ 1;
      expect(() => box.open(`${v}.${id}.${copy.toString('base64url')}`, 'ctx')).toThrow(SecretBoxError);
    }
    expect(() => box.open(`${v}.${id}.${raw.subarray(0, 20).toString('base64url')}`, 'ctx')).toThrow(
      /truncated/,
    );
    expect(() => box.open('garbage', 'ctx')).toThrow(SecretBoxError);
  });

  it('refuses a ciphertext moved to another context', () => {
    const box = createSecretBox([key()]);
    const sealed = box.seal('secret', 'channel:1');
    expect(() => box.open(sealed, 'channel:2')).toThrow(/authentication/);
    expect(() => box.open(sealed)).toThrow(SecretBoxError);
  });

  it('rotates keys: the first seals, all open', () => {
    const oldKey = key();
    const newKey = key();
    const sealedOld = createSecretBox([oldKey]).seal('before', 'c');
    const rotated = createSecretBox([newKey, oldKey]);
    expect(rotated.open(sealedOld, 'c')).toBe('before');
    const sealedNew = rotated.seal('after', 'c');
    expect(sealedNew.split('.')[1]).not.toBe(sealedOld.split('.')[1]);
    expect(createSecretBox([newKey]).open(sealedNew, 'c')).toBe('after');
    expect(() => createSecretBox([newKey]).open(sealedOld, 'c')).toThrow(/not configured/);
  });

  it('rejects keys of the wrong length', () => {
    expect(() => createSecretBox([randomBytes(16).toString('base64')])).toThrow(SecretBoxError);
    expect(() => createSecretBox([key(), 'short'])).toThrow(/#2 must be 32 bytes/);
    expect(() => createSecretBox([])).toThrow(SecretBoxError);
  });
});

describe('key file', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('creates the key once with mode 0600 and reuses it', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-key-'));
    const dataDir = path.join(dir, 'data');
    const first = await loadOrCreateKeyFile(dataDir);
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    const stat = await fs.stat(path.join(dataDir, 'secret.key'));
    expect(stat.mode & 0o777).toBe(0o600);
    expect(await loadOrCreateKeyFile(dataDir)).toBe(first);
    expect(await fs.readdir(dataDir)).toEqual(['secret.key']);
    expect(createSecretBox([first]).open(createSecretBox([first]).seal('x'))).toBe('x');
  });

  it('agrees on one key when started concurrently', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-key-'));
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(dir!)));
    expect(new Set(keys).size).toBe(1);
  });

  it('refuses a key file that does not hold a 32-byte key', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chorus-key-'));
    await fs.writeFile(path.join(dir, 'secret.key'), 'not a key\n', { mode: 0o600 });
    await expect(loadOrCreateKeyFile(dir)).rejects.toThrow(SecretBoxError);
  });
});
