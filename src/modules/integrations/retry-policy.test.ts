import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelayMs } from './retry-policy.ts';
import { parseWebhookUrl } from './webhook-url.ts';

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 10_000 };

describe('webhook retry policy', () => {
  it('retries time-outs of the receiver (408), 429 and 5xx, and stops on other 4xx', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 413, 422].some(isRetryableStatus)).toBe(false);
  });

  it('doubles the wait with each attempt, within jitter bounds, up to the cap', () => {
    expect(retryDelayMs(1, policy, null, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, null, () => 1)).toBe(1000);
    expect(retryDelayMs(3, policy, null, () => 0)).toBe(2000);
    expect(retryDelayMs(3, policy, null, () => 1)).toBe(4000);
    expect(retryDelayMs(10, policy, null, () => 1)).toBe(10_000);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(2, policy)));
    expect(spread.size).toBeGreaterThan(1);
  });

  it('waits at least as long as Retry-After says, in seconds or as a date, capped at six hours', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('999999', now)).toBe(6 * 3600_000);
    expect(retryDelayMs(1, policy, 120_000, () => 1)).toBe(120_000);
    expect(retryDelayMs(1, policy, 10, () => 1)).toBe(1000);
  });
});

describe('webhook URL rule', () => {
  const strict = { allowPrivateAddresses: false };
  const lenient = { allowPrivateAddresses: true };
  const reason = (raw: string, p = strict) => {
    try {
      parseWebhookUrl(raw, p);
      return 'ok';
    } catch (err) {
      return (err as { params: { reason: string } }).params.reason;
    }
  };

  it('takes https URLs with a path and query', () => {
    expect(parseWebhookUrl('https://tickets.example.com/hooks/chorus?team=social', strict).pathname).toBe(
      '/hooks/chorus',
    );
  });

  it('refuses http, user info, fragments, garbage and private addresses', () => {
    expect(reason('http://tickets.example.com/hook')).toBe('https:// required');
    expect(reason('ftp://tickets.example.com/hook')).toBe('https:// required');
    expect(reason('https://user:pw@tickets.example.com/')).toBe('user info in the URL');
    expect(reason('https://tickets.example.com/#x')).toBe('fragment in the URL');
    expect(reason('not a url')).toBe('not a URL');
    for (const host of ['127.0.0.1', 'localhost', '10.1.2.3', '169.254.169.254', '[::1]', '192.168.0.5']) {
      expect(reason(`https://${host}/hook`), host).toBe('loopback and private-network addresses are refused');
    }
  });

  it('allows plain http only to private hosts, and only when the operator allows private networks', () => {
    expect(reason('http://127.0.0.1:8080/hook', lenient)).toBe('ok');
    expect(reason('http://tickets.example.com/hook', lenient)).toBe('https:// required');
  });
});
