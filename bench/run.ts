import fs from 'node:fs/promises';
import path from 'node:path';
import type { Bench, BenchReport } from './harness.ts';

// `npm run bench [-- name-filter] [--quick]`: runs every bench/*.bench.ts one after another (never in
// parallel: they would measure each other), prints each figure with its ratio and writes bench/results.json.
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const filter = args.find((a) => !a.startsWith('--'));
const dir = import.meta.dirname;
const files = (await fs.readdir(dir))
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const reports: BenchReport[] = [];
for (const file of files) {
  const mod = (await import(path.join(dir, file))) as { default: Bench };
  process.stdout.write(`\n▶ ${file}\n`);
  const out = await mod.default({ quick });
  for (const r of Array.isArray(out) ? out : [out]) {
    reports.push(r);
    process.stdout.write(`  ${r.name}\n`);
    for (const [k, v] of Object.entries(r.figures)) process.stdout.write(`    ${k}: ${v}\n`);
    process.stdout.write(`  baseline — ${r.baseline.name}\n`);
    for (const [k, v] of Object.entries(r.baseline.figures)) process.stdout.write(`    ${k}: ${v}\n`);
    process.stdout.write(`  ratio: ${r.ratio} (${r.ratioMeaning})\n`);
    if (r.goal) process.stdout.write(`  goal: ${r.goal.description} — ${r.goal.met ? 'met' : 'NOT met'}\n`);
    for (const n of r.notes ?? []) process.stdout.write(`  note: ${n}\n`);
  }
}
// A run of some benchmarks keeps the other reports of the file, so results.json holds the latest of each.
const file = path.join(dir, 'results.json');
const previous = await fs.readFile(file, 'utf8').then(
  (t) => (JSON.parse(t) as { reports?: (BenchReport & { at?: string })[] }).reports ?? [],
  () => [],
);
const at = new Date().toISOString();
const fresh = reports.map((r) => ({ ...r, at, node: process.version, quick }));
const kept = previous.filter((p) => !fresh.some((r) => r.name === p.name));
await fs.writeFile(file, `${JSON.stringify({ reports: [...kept, ...fresh] }, null, 2)}\n`);
process.stdout.write(`\nwrote bench/results.json (${reports.length} reports)\n`);
