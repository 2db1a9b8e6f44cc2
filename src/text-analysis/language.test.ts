import { describe, expect, it } from 'vitest';
import { detectLanguage, searchConfig, type TextLanguage } from './index.ts';

const CASES: [string, TextLanguage | null][] = [
  // German
  ['Ich bin total enttäuscht von eurem Service', 'de'],
  ['Wann öffnet die Filiale in Köln am Samstag?', 'de'],
  ['Das ist eine Frechheit, ich warte seit drei Wochen auf meine Lieferung', 'de'],
  ['Vielen Dank für die schnelle Antwort!', 'de'],
  ['Grüße aus München, wir freuen uns über das neue Büro', 'de'],
  ['Gruesse aus Muenchen und danke fuer die Hilfe', 'de'],
  // English
  ['I love this product, thank you so much', 'en'],
  ['Where can I find the opening hours of the shop?', 'en'],
  ['This is the worst service I have ever seen', 'en'],
  ['Müller is the best and I love it', 'en'],
  ["We're live now, don't miss it! #launch @chorus https://example.com/die", 'en'],
  // too short
  ['', null],
  ['Danke!', null],
  ['great product', null],
  ['😀👍❤️🎉', null],
  ['#awesome #toll #super #great', null],
  // mixed
  ['Wir sind heute in Berlin and we are happy to be here', null],
  ['Das ist nicht so gut, but the team is great', null],
  // other languages
  ['Ce produit est vraiment génial et je l’adore', null],
  ['Este producto es muy bueno y lo recomiendo', null],
  ['Ik ben niet blij met de service van het bedrijf', null],
  ['1234 5678 9999 0000 !!!', null],
];

describe('detectLanguage', () => {
  it.each(CASES)('%s → %s', (text, want) => {
    expect(detectLanguage(text)).toBe(want);
  });
});

describe('searchConfig', () => {
  it('maps languages to PostgreSQL text-search configurations', () => {
    expect(searchConfig('de')).toBe('german');
    expect(searchConfig('en')).toBe('english');
    expect(searchConfig(null)).toBe('simple');
  });
});
