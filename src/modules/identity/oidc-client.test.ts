import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/http/problem.ts';
import {
  boundedFetch,
  classifyOidcError,
  discoverIssuer,
  OIDC_MAX_RESPONSE_BYTES,
  parseIssuer,
  urlAllowed,
} from './oidc-client.ts';

describe('issuer URLs (SSRF)', () => {
  it.each([
    ['https://idp.example.com', true],
    ['https://login.example.com/realms/chorus', true],
    ['http://127.0.0.1:8080', true],
    ['http://127.1.2.3', true],
    ['http://localhost:8080/realms/x', true],
    ['http://[::1]:9000', true],
    ['http://idp.example.com', false],
    ['http://10.0.0.1', false],
    ['http://169.254.169.254/latest/meta-data', false],
    ['http://127.0.0.1.nip.io', false],
    ['https://user:secret@idp.example.com', false],
    ['ftp://127.0.0.1', false],
    ['file:///etc/passwd', false],
    ['gopher://127.0.0.1:6379', false],
  ])('%s → %s', (url, allowed) => {
    expect(urlAllowed(new URL(url))).toBe(allowed);
  });

  it('answers a field error an admin can act on', () => {
    for (const raw of ['not a url', 'http://idp.example.com', 'https://idp.example.com/?tenant=1']) {
      const err = (() => {
        try {
          parseIssuer(raw);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err, raw).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('sso_issuer_not_allowed');
      expect((err as DomainError).fieldErrors?.[0]?.path).toBe('issuer');
    }
  });
});

describe('requests to the provider are bounded', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/big-declared') {
        res.setHeader('content-length', String(OIDC_MAX_RESPONSE_BYTES * 10));
        return res.end('{}');
      }
      if (req.url?.startsWith('/big')) {
        // Chunked, no content-length: the limit has to hold while reading.
        const chunk = Buffer.alloc(64 * 1024, 'a');
        for (let i = 0; i < 64; i++) res.write(chunk);
        return res.end();
      }
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://169.254.169.254/' });
        return res.end();
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (url: string) =>
    boundedFetch(url, { method: 'GET', headers: {}, body: undefined, redirect: 'manual' });

  it('reads a normal answer', async () => {
    const res = await get(`${base}/ok`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses bodies above the limit, declared or not', async () => {
    await expect(get(`${base}/big`)).rejects.toThrow(/larger than/);
    await expect(get(`${base}/big-declared`)).rejects.toThrow(/larger than/);
  });

  it('follows no redirect and fetches nothing over plain http off loopback', async () => {
    const res = await get(`${base}/redirect`);
    expect(res.status).toBe(302);
    await expect(get('http://169.254.169.254/latest/meta-data')).rejects.toThrow(/refused/);
  });

  it('classifies what goes wrong at discovery as the provider’s failure', async () => {
    const closed = await discoverIssuer(new URL('http://127.0.0.1:1')).catch((e: unknown) => e);
    expect(classifyOidcError(closed)).toMatchObject({ kind: 'unreachable' });
    const notFound = await discoverIssuer(new URL(`${base}/nothing`)).catch((e: unknown) => e);
    expect(classifyOidcError(notFound)).toMatchObject({ kind: 'invalid' });
    const big = await discoverIssuer(new URL(`${base}/big`)).catch((e: unknown) => e);
    expect(classifyOidcError(big)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/larger/),
    });
    expect(classifyOidcError(new Error('a bug of ours'))).toBeNull();
  });
});
