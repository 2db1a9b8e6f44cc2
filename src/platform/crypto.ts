import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  type ScryptOptions,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

// Passwords ------------------------------------------------------------------------------------------

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64, saltBytes: 16 } as const;

function scryptAsync(
  password: string,
  salt: Buffer,
  keyLength: number,
  opts: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

// 128·N·r bytes are needed; the default maxmem (32 MiB) is too tight once N or r grow, so allow headroom.
const maxmem = (N: number, r: number): number => 256 * N * r;

/**
 * Hashes a password with scrypt. The parameters travel inside the string (`scrypt$N$r$p$salt$hash`),
 * so they can be raised later without invalidating the hashes already stored.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes);
  const { N, r, p, keyLength } = SCRYPT;
  const hash = await scryptAsync(password, salt, keyLength, { N, r, p, maxmem: maxmem(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

// Bounds on parameters read back from storage: a corrupted or hostile row must not make us burn
// gigabytes of memory or minutes of CPU.
const MAX_MEMORY = 256 * 1024 * 1024;
const MAX_P = 16;

/** True when the password matches; false for a wrong password and for anything that is not our hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, nStr, rStr, pStr, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const N = Number(nStr);
  const r = Number(rStr);
  const p = Number(pStr);
  const isPow2 = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!isPow2 || !Number.isInteger(r) || r < 1 || !Number.isInteger(p) || p < 1 || p > MAX_P) return false;
  if (128 * N * r > MAX_MEMORY) return false;
  const b64 = /^[A-Za-z0-9+/]+={0,2}$/;
  if (!b64.test(saltB64) || !b64.test(hashB64)) return false;
  const salt = Buffer.from(saltB64, 'base64');
  const expected = Buffer.from(hashB64, 'base64');
  if (salt.length === 0 || expected.length < 16 || expected.length > 256) return false;
  const actual = await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: maxmem(N, r) });
  return timingSafeEqual(actual, expected);
}

// Tokens ---------------------------------------------------------------------------------------------

/** A random URL-safe token (session ids, invitation links, API tokens). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored hashed: a leaked table then does not hand out working credentials. */
export function sha256Hex(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

// Secret box -----------------------------------------------------------------------------------------

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** Encrypts secrets (channel tokens, webhook secrets) for storage in the database. */
export interface SecretBox {
  /** `context` binds the ciphertext to where it is stored (e.g. `channel:<id>`); open must pass the same. */
  seal(plaintext: string, context?: string): string;
  open(sealed: string, context?: string): string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

interface BoxKey {
  id: string;
  key: Buffer;
}

function parseKey(b64: string, index: number): BoxKey {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) {
    throw new SecretBoxError(
      `secret key #${index + 1} must be 32 bytes encoded as base64 (got ${key.length} bytes); ` +
        'generate one with `openssl rand -base64 32`',
    );
  }
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/**
 * AES-256-GCM. The first key seals; every key is tried by its id when opening, so a key can be rotated
 * by putting the new one first and keeping the old one until all rows have been re-sealed.
 */
export function createSecretBox(keys: string[]): SecretBox {
  if (keys.length === 0) throw new SecretBoxError('at least one secret key is required');
  const parsed = keys.map(parseKey);
  const byId = new Map<string, Buffer>();
  for (const k of parsed) if (!byId.has(k.id)) byId.set(k.id, k.key);
  const current = parsed[0]!;

  return {
    seal(plaintext, context = '') {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${VERSION}.${current.id}.${Buffer.concat([iv, tag, ciphertext]).toString('base64url')}`;
    },
    open(sealed, context = '') {
      const parts = sealed.split('.');
      if (parts.length !== 3 || parts[0] !== VERSION) {
        throw new SecretBoxError(`not a sealed secret (expected ${VERSION}.<keyId>.<data>)`);
      }
      const [, keyId, data] = parts as [string, string, string];
      const key = byId.get(keyId);
      if (!key) {
        throw new SecretBoxError(
          `secret was sealed with key ${keyId}, which is not configured (was an old key removed too early?)`,
        );
      }
      const raw = Buffer.from(data, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('sealed secret is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      try {
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch (err) {
        throw new SecretBoxError(
          'sealed secret failed authentication (tampered, or opened with the wrong context)',
          {
            cause: err,
          },
        );
      }
    },
  };
}

// Key file -------------------------------------------------------------------------------------------

/**
 * For the embedded demo only, where nobody configured CHORUS_SECRET_KEY: the key lives beside the
 * database it protects. Production requires the key from configuration (see config.ts).
 */
export async function loadOrCreateKeyFile(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'secret.key');
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64');
  // Written in full under a private name, then linked into place: link() fails if the file exists, so two
  // processes starting at once agree on one key and neither can read a half-written file.
  const tmp = `${file}.${process.pid}.${randomToken(6)}.tmp`;
  await fs.writeFile(tmp, `${key}\n`, { flag: 'wx', mode: 0o600 });
  try {
    await fs.link(tmp, file);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await fs.rm(tmp, { force: true });
  }
  const existing = (await fs.readFile(file, 'utf8')).trim();
  parseKey(existing, 0);
  return existing;
}
