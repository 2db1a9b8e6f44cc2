import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/http/problem.ts';
import { checkWebhookUrl, slackPayload, teamsPayload } from './webhook.ts';

const codeOf = (url: string, allowPrivate = false) => {
  try {
    checkWebhookUrl(url, 'Slack', allowPrivate);
    return 'ok';
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
};

describe('incoming webhook URLs', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/x', false, 'ok'],
    ['https://prod-12.westeurope.logic.azure.com/workflows/1?api-version=1&sig=x', false, 'ok'],
    ['http://hooks.slack.com/services/x', false, 'webhook_url_not_https'],
    ['ftp://hooks.slack.com/x', false, 'webhook_url_not_https'],
    ['https://user:pw@hooks.slack.com/x', false, 'webhook_url_invalid'],
    ['not a url', false, 'webhook_url_invalid'],
    ['https://10.0.0.5/hook', false, 'webhook_url_private'],
    ['https://169.254.169.254/latest/meta-data', false, 'webhook_url_private'],
    ['https://[::1]/hook', false, 'webhook_url_private'],
    ['http://localhost:9/hook', false, 'webhook_url_private'],
    ['http://127.0.0.1:9/hook', true, 'ok'],
    ['http://192.168.1.2/hook', true, 'ok'],
  ])('%s (private allowed: %s) → %s', (url, allow, expected) => {
    expect(codeOf(url, allow)).toBe(expected);
  });

  it('Slack gets text and blocks, with a post’s markup escaped; Teams an Adaptive Card', () => {
    const m = {
      title: 'Alarm',
      lines: ['3 Treffer'],
      excerpts: ['<@U123> <!channel> & co'],
      link: 'https://c.example/l',
    };
    const s = slackPayload(m) as { text: string; blocks: unknown[] };
    expect(s.text).toBe('Alarm');
    expect(JSON.stringify(s.blocks)).toContain('&lt;@U123&gt; &lt;!channel&gt; &amp; co');
    expect(JSON.stringify(s.blocks)).not.toContain('<!channel>');
    const card = teamsPayload(m) as { attachments: { content: { body: { text: string }[] } }[] };
    expect(card.attachments[0]!.content.body.map((b) => b.text)).toEqual([
      'Alarm',
      '3 Treffer',
      '<@U123> <!channel> & co',
    ]);
  });
});
