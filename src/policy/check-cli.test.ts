import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkHelp, runCheck } from './check-cli.ts';

async function run(
  lines: string[],
  policyFile?: string,
): Promise<{ code: number; out: unknown[]; err: string }> {
  const output = new PassThrough();
  const error = new PassThrough();
  const chunks: string[] = [];
  const errs: string[] = [];
  output.on('data', (c) => chunks.push(String(c)));
  error.on('data', (c) => errs.push(String(c)));
  const input = Readable.from([lines.join('\n')]);
  const opts = { format: 'jsonl' as const, input, output, error, ...(policyFile ? { policyFile } : {}) };
  const code = await runCheck(opts);
  const text = chunks.join('');
  return {
    code,
    out: text
      ? text
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l))
      : [],
    err: errs.join(''),
  };
}

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-check-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('chorus check', () => {
  it('writes one line per input, in order, with the built-in detectors only', async () => {
    const r = await run([
      JSON.stringify({ id: 'a', text: 'IBAN DE89 3704 0044 0532 0130 00' }),
      JSON.stringify({ id: 'b', text: 'nothing to see, Projekt Falke' }),
      JSON.stringify({ id: 7, text: 'max@example.de' }),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      {
        id: 'a',
        findings: [
          {
            kind: 'iban',
            start: 5,
            end: 32,
            text: 'DE89 3704 0044 0532 0130 00',
            severity: 'block',
            rule: 'detector.iban',
          },
        ],
      },
      { id: 'b', findings: [] },
      {
        id: 7,
        findings: [
          {
            kind: 'email',
            start: 0,
            end: 14,
            text: 'max@example.de',
            severity: 'warn',
            rule: 'detector.email',
          },
        ],
      },
    ]);
  });

  it('reports a malformed line and goes on', async () => {
    const r = await run([
      '{"id": "a", "text": "ok"}',
      '{not json',
      '{"id": "c"}',
      '["x"]',
      '',
      '{"id": "d", "text": "x", "context": {"kind": "dm"}}',
      '{"id": "e", "text": "4111 1111 1111 1111"}',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toMatchObject([
      { id: 'a', findings: [] },
      { id: null, line: 2, error: expect.stringContaining('not JSON') },
      { id: 'c', line: 3, error: '"text" must be a string' },
      { id: null, line: 4, error: expect.stringContaining('expected an object') },
      { id: 'd', line: 6, error: expect.stringContaining('context.kind') },
      { id: 'e', findings: [{ kind: 'card' }] },
    ]);
  });

  it('uses a policy file and the context of each line', async () => {
    const file = await tempFile(
      'p.json',
      JSON.stringify({
        id: 'p',
        version: 2,
        terms: [{ id: 'codes', severity: 'block', terms: ['Projekt Falke'], scope: { kinds: ['personal'] } }],
      }),
    );
    const r = await run(
      [
        JSON.stringify({ id: 'a', text: 'Projekt Falke', context: { kind: 'personal' } }),
        JSON.stringify({ id: 'b', text: 'Projekt Falke' }),
      ],
      file,
    );
    expect(r.out).toEqual([
      {
        id: 'a',
        findings: [
          { kind: 'term', start: 0, end: 13, text: 'Projekt Falke', severity: 'block', rule: 'terms.codes' },
        ],
      },
      { id: 'b', findings: [] },
    ]);
  });

  it.each([
    ['missing', null, 'cannot read policy file'],
    ['not JSON', '{', 'is not JSON'],
    [
      'invalid',
      JSON.stringify({ id: 'p', version: 1, patterns: [{ id: 'x', severity: 'warn', pattern: '(a+)+' }] }),
      'patterns[0].pattern',
    ],
  ])('fails with exit code 2 and one line when the policy file is %s', async (_label, content, message) => {
    const file =
      content === null
        ? path.join(tmpdir(), 'does-not-exist-chorus.json')
        : await tempFile('p.json', content);
    const r = await run(['{"id": "a", "text": "x"}'], file);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toContain(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('has help text naming its options', () => {
    expect(checkHelp).toContain('--policy FILE');
    expect(checkHelp).toContain('--format jsonl');
  });
});
