import { analyseText } from '../src/text-analysis/index.ts';
import type { Bench, BenchReport } from './harness.ts';
import { percentile, round } from './harness.ts';

/**
 * Language and sentiment of short inbound items (what ingestion classifies): 20,000 generated German and
 * English posts of 40–280 characters with mentions, hashtags, URLs and emoji. Baseline in the same run: a plain
 * tokenisation pass (lower-case, split on white space, count the words), the least any classifier must do.
 */

const DE = [
  'Vielen Dank für die schnelle Hilfe',
  'ich bin total enttäuscht von eurem Service',
  'das gefällt mir nicht',
  'wann öffnet die Filiale am Samstag',
  'was für eine Frechheit, nie wieder',
  'super Produkt, sehr zu empfehlen',
  'die Lieferung kam leider zu spät',
  'Der Kundenservice war hervorragend',
];
const EN = [
  'thank you so much for the quick help',
  'this is not good at all',
  'I love the new design',
  'where can I find the opening hours',
  'worst experience ever, never again',
  'great product, highly recommended',
  'the delivery was late again',
  'your support team was amazing',
];
const EXTRAS = ['@chorus', '#launch', 'https://example.com/a/b?c=1', '😀', '👍', '😡', '#fail', '!!', '?'];

function corpus(n: number): string[] {
  // deterministic: a small linear congruential generator, so every run classifies the same texts
  let seed = 42;
  const next = (m: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(seed / 65_536) % m; // the high bits: a power-of-two LCG's low bits cycle
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const pool = next(2) === 0 ? DE : EN;
    const parts: string[] = [];
    const sentences = 1 + next(6);
    for (let s = 0; s < sentences; s++) {
      parts.push(pool[next(pool.length)]!);
      if (next(2) === 0) parts.push(EXTRAS[next(EXTRAS.length)]!);
    }
    out.push(parts.join(' ').slice(0, 280));
  }
  return out;
}

let sink = 0;
function timeAll(texts: string[], fn: (t: string) => void): number {
  const t0 = performance.now();
  for (const t of texts) fn(t);
  return performance.now() - t0;
}

const bench: Bench = async ({ quick }) => {
  const texts = corpus(quick ? 5_000 : 20_000);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const analyse = (t: string): void => {
    const a = analyseText(t);
    sink += a.sentiment + (a.language === 'de' ? 1 : 0);
  };
  const split = (t: string): void => {
    sink += t.toLowerCase().split(/\s+/).length;
  };
  for (let i = 0; i < 2; i++) {
    timeAll(texts, analyse);
    timeAll(texts, split);
  }
  // alternating rounds so that noise from elsewhere on a shared machine hits both sides; the best round counts
  const rounds = quick ? 3 : 5;
  const analyseMs: number[] = [];
  const splitMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    analyseMs.push(timeAll(texts, analyse));
    splitMs.push(timeAll(texts, split));
  }
  const best = Math.min(...analyseMs);
  const bestSplit = Math.min(...splitMs);
  const per: number[] = [];
  for (const t of texts) {
    const t0 = performance.now();
    analyse(t);
    per.push(performance.now() - t0);
  }
  per.sort((a, b) => a - b);
  const languages = { de: 0, en: 0, none: 0 };
  for (const t of texts) languages[analyseText(t).language ?? 'none']++;
  const itemsPerS = texts.length / (best / 1000);
  const report: BenchReport = {
    name: `text analysis: language and sentiment of ${texts.length} short items`,
    figures: {
      itemsPerS: round(itemsPerS, 0),
      totalMs: round(best),
      avgChars: round(chars / texts.length, 0),
      p50Ms: round(percentile(per, 50), 4),
      p99Ms: round(percentile(per, 99), 4),
      german: languages.de,
      english: languages.en,
      unknown: languages.none,
    },
    baseline: {
      name: 'plain tokenisation: toLowerCase + split on white space',
      figures: { itemsPerS: round(texts.length / (bestSplit / 1000), 0), totalMs: round(bestSplit, 3) },
    },
    ratio: round(best / bestSplit),
    ratioMeaning: 'analysis time / plain tokenisation time over the same items (lower is better)',
    goal: { description: '≥ 20,000 items/s on one core', met: itemsPerS >= 20_000 },
    notes: [
      `best of ${rounds} alternating rounds; all rounds analysis ${analyseMs.map((m) => round(m)).join(', ')} ms`,
      `sink ${sink !== 0 ? 'ok' : 'empty'}`,
    ],
  };
  return report;
};

export default bench;
