// `chorus check`: the engine over JSON lines, for scripts and for checking the engine on a corpus. Reading the
// policy file is the only I/O of the policy folder, and it lives here.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { evaluate } from './evaluate.ts';
import { BUILTIN_POLICY, type Policy, parsePolicy } from './policy-schema.ts';
import type { EvalContext } from './types.ts';

export const checkHelp = `chorus check — run the guideline engine over JSON lines

Usage: npm run --silent chorus -- check [--policy FILE] --format jsonl < posts.jsonl

Reads one JSON object per line on standard input: {"id": "...", "text": "..."} (optional: "context" with
network, channelId, departmentId, role, kind, isAboutEmployer, region; kind defaults to "company").
Writes one line per input, in order: {"id": "...", "findings": [{"kind", "start", "end", "text", "severity",
"rule"}]}; start and end are JavaScript string offsets into text. A line that cannot be read gives
{"id": ..., "line": N, "error": "..."} and the run goes on.

Options:
  --policy FILE    a policy as JSON (see docs/policy.md); without it only the built-in detectors run
                   (iban, card, tax_id, email, phone)
  --format jsonl   the only format so far
  --help           this text

Exit codes: 0 all lines checked, 1 some lines could not be read, 2 the policy file is missing or invalid.`;

export interface CheckOptions {
  policyFile?: string;
  format: 'jsonl';
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Where the one-line error about a bad policy file goes; standard error by default. */
  error?: NodeJS.WritableStream;
}

const KINDS = new Set(['company', 'personal', 'reply', 'share']);

async function loadPolicy(file: string): Promise<{ policy: Policy } | { error: string }> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    return { error: `cannot read policy file ${file}: ${(err as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { error: `policy file ${file} is not JSON: ${(err as Error).message}` };
  }
  const r = parsePolicy(json);
  return r.ok ? { policy: r.policy } : { error: `invalid policy in ${file}: ${r.errors.join('; ')}` };
}

function readContext(v: unknown): EvalContext | string {
  if (v === undefined) return { kind: 'company' };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return '"context" must be an object';
  const o = v as Record<string, unknown>;
  const ctx: EvalContext = { kind: 'company' };
  if (o.kind !== undefined) {
    if (typeof o.kind !== 'string' || !KINDS.has(o.kind))
      return '"context.kind" must be company, personal, reply or share';
    ctx.kind = o.kind as EvalContext['kind'];
  }
  for (const key of ['network', 'channelId', 'departmentId', 'role', 'region'] as const) {
    if (o[key] === undefined) continue;
    if (typeof o[key] !== 'string') return `"context.${key}" must be a string`;
    ctx[key] = o[key];
  }
  if (o.isAboutEmployer !== undefined) {
    if (typeof o.isAboutEmployer !== 'boolean') return '"context.isAboutEmployer" must be true or false';
    ctx.isAboutEmployer = o.isAboutEmployer;
  }
  return ctx;
}

function checkLine(line: string, lineNo: number, policy: Policy): { out: unknown; ok: boolean } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (err) {
    return { out: { id: null, line: lineNo, error: `not JSON: ${(err as Error).message}` }, ok: false };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return {
      out: { id: null, line: lineNo, error: 'expected an object {"id": ..., "text": ...}' },
      ok: false,
    };
  }
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : null;
  const fail = (error: string) => ({ out: { id, line: lineNo, error }, ok: false });
  if (id === null) return fail('"id" must be a string or a number');
  if (typeof o.text !== 'string') return fail('"text" must be a string');
  const ctx = readContext(o.context);
  if (typeof ctx === 'string') return fail(ctx);
  const d = evaluate(o.text, policy, ctx);
  const findings = d.findings.map((f) => ({
    kind: f.kind,
    start: f.start,
    end: f.end,
    text: f.text,
    severity: f.severity,
    rule: f.rule,
  }));
  return { out: { id, findings }, ok: true };
}

export async function runCheck(opts: CheckOptions): Promise<number> {
  const errors = opts.error ?? process.stderr;
  if (opts.format !== 'jsonl') {
    errors.write(`chorus check: unknown format "${String(opts.format)}" (only jsonl)\n`);
    return 2;
  }
  let policy = BUILTIN_POLICY;
  if (opts.policyFile !== undefined) {
    const loaded = await loadPolicy(opts.policyFile);
    if ('error' in loaded) {
      errors.write(`chorus check: ${loaded.error.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    policy = loaded.policy;
  }
  const write = (s: string): Promise<void> | undefined => {
    if (opts.output.write(s)) return undefined;
    return new Promise((resolve) => opts.output.once('drain', () => resolve()));
  };
  let failed = false;
  let lineNo = 0;
  const rl = createInterface({ input: opts.input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    const r = checkLine(line, lineNo, policy);
    if (!r.ok) failed = true;
    const wait = write(`${JSON.stringify(r.out)}\n`);
    if (wait) await wait;
  }
  return failed ? 1 : 0;
}
