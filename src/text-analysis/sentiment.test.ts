import { describe, expect, it } from 'vitest';
import { analyseText, sentimentScore, type TextLanguage } from './index.ts';

type Expect = 'positive' | 'negative' | 'neutral';
interface Scenario {
  text: string;
  language: TextLanguage | null;
  expect: Expect;
}

function classify(score: number): Expect {
  if (score >= 0.2) return 'positive';
  if (score <= -0.2) return 'negative';
  return 'neutral';
}

const GERMAN: Scenario[] = [
  { text: 'Super, vielen Dank für die schnelle Hilfe!', language: 'de', expect: 'positive' },
  { text: 'Tolles Produkt, ich bin begeistert', language: 'de', expect: 'positive' },
  { text: 'Der Kundenservice war hervorragend und sehr freundlich', language: 'de', expect: 'positive' },
  { text: 'Ich bin total enttäuscht. Nie wieder!', language: 'de', expect: 'negative' },
  { text: 'Was für eine Frechheit, katastrophaler Service', language: 'de', expect: 'negative' },
  { text: 'Die Lieferung war schlecht und die Ware kaputt', language: 'de', expect: 'negative' },
  { text: 'ENTTAEUSCHT vom Kundenservice', language: 'de', expect: 'negative' },
  { text: 'enttauscht? Nein: enttäuscht, Enttäuschung pur', language: 'de', expect: 'negative' },
  // negated
  { text: 'Der Service ist nicht gut', language: 'de', expect: 'negative' },
  { text: 'Das gefällt mir nicht', language: 'de', expect: 'negative' },
  { text: 'Kein guter Kundenservice', language: 'de', expect: 'negative' },
  { text: 'Das war gar nicht schlecht', language: 'de', expect: 'positive' },
  { text: 'Ohne Probleme geliefert', language: 'de', expect: 'positive' },
  { text: 'Ich war noch nie so enttäuscht', language: 'de', expect: 'negative' },
  { text: 'Leider nicht erreichbar', language: 'de', expect: 'negative' },
  // neutral
  { text: 'Das Meeting ist um 10 Uhr im Raum 3', language: 'de', expect: 'neutral' },
  { text: 'Wann öffnet die Filiale in Köln am Samstag?', language: 'de', expect: 'neutral' },
];

const ENGLISH: Scenario[] = [
  { text: 'I love this product, thank you so much!', language: 'en', expect: 'positive' },
  { text: 'Great support, the team was amazing', language: 'en', expect: 'positive' },
  { text: 'This is the worst service ever. Terrible!', language: 'en', expect: 'negative' },
  { text: 'I hate waiting, completely disappointed', language: 'en', expect: 'negative' },
  // negated
  { text: 'This is not good at all', language: 'en', expect: 'negative' },
  { text: "I don't like the new design", language: 'en', expect: 'negative' },
  { text: 'not bad, actually', language: 'en', expect: 'positive' },
  { text: 'I have never been so happy with a purchase', language: 'en', expect: 'positive' },
  { text: 'The update does not work', language: 'en', expect: 'negative' },
  // neutral
  { text: 'The meeting is at 10 in room 3', language: 'en', expect: 'neutral' },
  { text: 'Where can I find the opening hours of the shop?', language: 'en', expect: 'neutral' },
];

const OTHER: Scenario[] = [
  { text: '😀👍❤️🎉', language: null, expect: 'positive' },
  { text: '😡👎😢💩', language: null, expect: 'negative' },
  { text: '', language: null, expect: 'neutral' },
  { text: '   \n\t ', language: null, expect: 'neutral' },
  { text: 'Danke!', language: null, expect: 'positive' },
  { text: 'mega schlecht', language: null, expect: 'negative' },
  { text: 'Super!', language: null, expect: 'positive' },
  // mentions and URLs do not count, hashtags do
  { text: '@awesome_brand https://great.example/love', language: null, expect: 'neutral' },
  { text: 'Unser Auftritt heute #fail', language: 'de', expect: 'negative' },
  { text: 'Launch day today #awesome', language: 'en', expect: 'positive' },
];

describe('sentiment scenarios', () => {
  it.each([...GERMAN, ...ENGLISH, ...OTHER])('$expect: $text', ({ text, language, expect: want }) => {
    const given = sentimentScore(text, language);
    expect(classify(given), `score ${given}`).toBe(want);
    // analyseText agrees when it detects the same language
    const analysis = analyseText(text);
    if (analysis.language === language) expect(analysis.sentiment).toBe(given);
  });
});

describe('sentiment scale', () => {
  it('stays within -1 … 1 and is rounded to two decimals', () => {
    const texts = ['toll '.repeat(500), 'katastrophal '.repeat(500), 'good bad good', 'gut'];
    for (const text of texts) {
      const s = sentimentScore(text, null);
      expect(s).toBeGreaterThanOrEqual(-1);
      expect(s).toBeLessThanOrEqual(1);
      expect(Math.round(s * 100) / 100).toBe(s);
    }
    expect(Object.is(sentimentScore('', 'de'), 0)).toBe(true);
  });

  it('intensifiers strengthen and negation weakens and reverses', () => {
    const good = sentimentScore('Das ist gut', 'de');
    expect(sentimentScore('Das ist sehr gut', 'de')).toBeGreaterThan(good);
    expect(sentimentScore('Das ist extrem gut', 'de')).toBeGreaterThan(
      sentimentScore('Das ist sehr gut', 'de'),
    );
    const negated = sentimentScore('Das ist nicht gut', 'de');
    expect(negated).toBeLessThan(0);
    expect(Math.abs(negated)).toBeLessThan(good);
    expect(sentimentScore('This is very bad', 'en')).toBeLessThan(sentimentScore('This is bad', 'en'));
  });

  it('negation reaches a couple of tokens, not the whole sentence, and stops at punctuation', () => {
    expect(sentimentScore('nicht wirklich sehr gut', 'de')).toBeLessThan(0);
    expect(sentimentScore('not that I expected anything, but it was great', 'en')).toBeGreaterThan(0);
    expect(sentimentScore('I did not know the town before and it was great', 'en')).toBeGreaterThan(0);
  });

  it('folds case and umlauts: all spellings score the same', () => {
    const forms = ['Ich bin enttäuscht', 'ich bin enttaeuscht', 'ICH BIN ENTTÄUSCHT', 'Ich bin ENTTAEUSCHT'];
    const scores = forms.map((t) => sentimentScore(t, 'de'));
    expect(new Set(scores).size).toBe(1);
    expect(scores[0]).toBeLessThan(0);
    expect(sentimentScore('Das ist großartig', 'de')).toBe(sentimentScore('das ist grossartig', 'de'));
  });

  it('inflected German adjectives are found', () => {
    for (const t of ['ein toller Tag', 'tolle Leute', 'das schlechteste Produkt', 'mit schlechtem Service']) {
      expect(sentimentScore(t, 'de'), t).not.toBe(0);
    }
  });

  it('treats HTML and scripts as plain text', () => {
    const html =
      '<script>alert("hacked")</script><b onclick="steal()">great</b> <img src=x onerror=alert(1)>';
    expect(() => analyseText(html)).not.toThrow();
    // the markup's words count like any words, nothing more: the same score as the bare words
    const words = 'script alert hacked script b onclick steal great b img src x onerror alert 1';
    expect(sentimentScore(html, 'en')).toBe(sentimentScore(words, 'en'));
    expect(sentimentScore('<b>great</b>', 'en')).toBe(sentimentScore('great', 'en'));
    expect(sentimentScore('<b>great</b>', 'en')).toBeGreaterThan(0);
    expect(sentimentScore('<p></p><br/><div>&nbsp;</div>', 'en')).toBe(0);
  });

  it('handles a 50 KB text', () => {
    const sentence = 'Der Service war heute leider schlecht, aber das Team hat schnell geholfen. ';
    const text = sentence.repeat(Math.ceil(50_000 / sentence.length));
    expect(text.length).toBeGreaterThanOrEqual(50_000);
    const a = analyseText(text);
    expect(a.language).toBe('de');
    expect(a.sentiment).toBeGreaterThanOrEqual(-1);
    expect(a.sentiment).toBeLessThanOrEqual(1);
    const hostile = '👍'.repeat(20_000) + '#'.repeat(5_000) + '@'.repeat(5_000) + 'a'.repeat(20_000);
    expect(analyseText(hostile).sentiment).toBeGreaterThan(0.9);
  });

  it('uses the English lexicon without German false friends when the language is unknown', () => {
    // "die" is an article, "Kind" a child, "Gift" poison
    expect(sentimentScore('die Kind Gift', null)).toBe(0);
    expect(sentimentScore('die', 'en')).toBeLessThan(0);
  });
});
