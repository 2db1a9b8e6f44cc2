import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  guardedFetch,
  isPrivateAddress,
  MAX_RESPONSE_BYTES,
  parseServiceUrl,
  ServiceUrlNotAllowed,
} from './outbound.ts';

describe('outbound rule', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.0.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['8.8.8.8', false],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['2001:4860:4860::8888', false],
    ['social.example', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('requires https, no user info, no query; http only to allowed local addresses', () => {
    const deny = { allowPrivateAddresses: false };
    const allow = { allowPrivateAddresses: true };
    expect(parseServiceUrl(' https://social.example/ ', deny).origin).toBe('https://social.example');
    expect(() => parseServiceUrl('http://social.example', allow)).toThrow(/https:\/\/ required/);
    expect(() => parseServiceUrl('https://social.example/?x=1', deny)).toThrow(ServiceUrlNotAllowed);
    expect(() => parseServiceUrl('ftp://social.example', deny)).toThrow(ServiceUrlNotAllowed);
    expect(() => parseServiceUrl('http://localhost:8080', deny)).toThrow(/private/);
    expect(() => parseServiceUrl('http://app.localhost', deny)).toThrow(/private/);
    expect(parseServiceUrl('http://localhost:8080', allow).port).toBe('8080');
    // Numeric tricks resolve to the same loopback address and are refused the same way.
    expect(() => parseServiceUrl('https://2130706433/', deny)).toThrow(/private/);
    expect(() => parseServiceUrl('https://0x7f.1/', deny)).toThrow(/private/);
  });
});

describe('guardedFetch', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
        res.end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 2000).unref();
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(1024 * 1024);
        let sent = 0;
        const write = () => {
          while (sent <= MAX_RESPONSE_BYTES && res.write(chunk)) sent += chunk.length;
          if (sent > MAX_RESPONSE_BYTES) res.end();
          else res.once('drain', write);
        };
        write();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const fetchAllowed = () => guardedFetch({ allowPrivateAddresses: true, timeoutMs: 300 });

  it('fetches when the rule allows, and refuses when it does not', async () => {
    expect(await (await fetchAllowed()(`${base}/x?y=1`)).json()).toEqual({ ok: true });
    await expect(guardedFetch({ allowPrivateAddresses: false, timeoutMs: 300 })(base)).rejects.toBeInstanceOf(
      ServiceUrlNotAllowed,
    );
  });

  it('follows no redirect', async () => {
    const res = await fetchAllowed()(`${base}/redirect`);
    expect(res.status).toBe(302);
  });

  it('gives up after the time-out', async () => {
    const t = performance.now();
    await expect(fetchAllowed()(`${base}/slow`)).rejects.toThrow();
    expect(performance.now() - t).toBeLessThan(1500);
  });

  it('refuses an answer larger than the bound', async () => {
    await expect(
      guardedFetch({ allowPrivateAddresses: true, timeoutMs: 10_000 })(`${base}/huge`),
    ).rejects.toThrow(/larger than/);
  });
});
