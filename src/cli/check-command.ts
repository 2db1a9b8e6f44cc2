import { parseArgs } from 'node:util';
import { checkHelp, runCheck } from '../policy/check-cli.ts';

/** `chorus check [--policy FILE] --format jsonl`: the guideline engine for scripts and corpora. */
export async function runCheckCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      policy: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${checkHelp}\n`);
    return 0;
  }
  if (values.format !== 'jsonl') {
    process.stderr.write(`chorus check: unknown format "${values.format}"; only jsonl is supported\n`);
    return 2;
  }
  return runCheck({
    policyFile: values.policy,
    format: 'jsonl',
    input: process.stdin,
    output: process.stdout,
  });
}
