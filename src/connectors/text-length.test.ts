import { describe, expect, it } from 'vitest';
import type { Capabilities } from './connector.ts';
import { countableText, countGraphemes, countUtf8Bytes, measureText } from './text-length.ts';

const mastodon: Pick<Capabilities, 'maxChars' | 'counting'> = {
  maxChars: 500,
  counting: { kind: 'graphemes', urlLength: 23, localMentions: true },
};
const bluesky: Pick<Capabilities, 'maxChars' | 'counting'> = {
  maxChars: 300,
  counting: { kind: 'graphemes-and-bytes', maxBytes: 3000 },
};
const plain: Pick<Capabilities, 'maxChars' | 'counting'> = { maxChars: 500, counting: { kind: 'graphemes' } };

describe('countGraphemes', () => {
  it.each([
    ['plain ASCII', 'Hallo', 5],
    ['umlauts (precomposed)', 'Grüße', 5],
    ['e + combining acute', 'e\u0301', 1],
    ['a + two combining marks', 'a\u0308\u0304', 1],
    ['emoji with skin tone', '👍🏽', 1],
    ['family ZWJ sequence', '👩‍👩‍👧‍👦', 1],
    ['flag (regional indicators)', '🇩🇪', 1],
    ['two flags', '🇩🇪🇫🇷', 2],
    ['keycap', '1️⃣', 1],
    ['Hangul jamo', '\u1100\u1161\u11A8', 1],
    ['CRLF is one', 'a\r\nb', 3],
    ['empty', '', 0],
  ])('%s', (_name, text, expected) => {
    expect(countGraphemes(text)).toBe(expected);
  });
});

describe('countUtf8Bytes', () => {
  it('counts multi-byte characters', () => {
    expect(countUtf8Bytes('ü')).toBe(2);
    expect(countUtf8Bytes('€')).toBe(3);
    expect(countUtf8Bytes('😀')).toBe(4);
    expect(countUtf8Bytes('👩‍👩‍👧‍👦')).toBe(25);
  });
});

describe('measureText on Mastodon', () => {
  it('counts every URL as 23 characters, however long', () => {
    const long = `https://example.com/${'a'.repeat(200)}?q=1#frag`;
    expect(measureText(`Lies ${long}`, mastodon).used).toBe(5 + 23);
    expect(measureText('http://x.de', mastodon).used).toBe(23);
  });

  it('keeps sentence punctuation after a URL outside it', () => {
    expect(countableText('Siehe https://example.com/a.', 23, false)).toBe(`Siehe ${'x'.repeat(23)}.`);
    expect(countableText('(https://example.com/a)', 23, false)).toBe(`(${'x'.repeat(23)})`);
    expect(countableText('https://de.wikipedia.org/wiki/Foo_(Bar)', 23, false)).toBe('x'.repeat(23));
  });

  it('counts a remote mention as its local part only', () => {
    expect(measureText('@anna@social.example.org hallo', mastodon).used).toBe('@anna hallo'.length);
    expect(measureText('@anna hallo', mastodon).used).toBe(11);
    // An e-mail address is not a mention.
    expect(measureText('anna@social.example.org', mastodon).used).toBe(23);
  });

  it('does not count a URL without a scheme as a URL', () => {
    expect(measureText('example.com', mastodon).used).toBe(11);
  });

  it('is over the limit at 501 graphemes, not before', () => {
    expect(measureText('👍🏽'.repeat(500), mastodon)).toEqual({ used: 500, max: 500, over: false });
    expect(measureText('👍🏽'.repeat(501), mastodon).over).toBe(true);
  });
});

describe('measureText on Bluesky', () => {
  it('counts graphemes and UTF-8 bytes', () => {
    const m = measureText('Grüße 🇩🇪', bluesky);
    expect(m).toEqual({ used: 7, max: 300, bytes: 16, maxBytes: 3000, over: false });
  });

  it('counts a URL at its full length', () => {
    const url = `https://example.com/${'a'.repeat(100)}`;
    expect(measureText(url, bluesky).used).toBe(url.length);
  });

  it('is over on graphemes', () => {
    expect(measureText('a'.repeat(301), bluesky).over).toBe(true);
    expect(measureText('a'.repeat(300), bluesky).over).toBe(false);
  });

  it('is over on bytes while the graphemes fit', () => {
    // 120 family emoji: 120 graphemes, 3000 bytes — fits exactly; one more grapheme of 25 bytes does not.
    expect(measureText('👩‍👩‍👧‍👦'.repeat(120), bluesky)).toMatchObject({
      used: 120,
      bytes: 3000,
      over: false,
    });
    const m = measureText('👩‍👩‍👧‍👦'.repeat(121), bluesky);
    expect(m.used).toBe(121);
    expect(m.over).toBe(true);
  });
});

describe('measureText with plain grapheme counting', () => {
  it('keeps URLs and mentions at their length', () => {
    expect(measureText('@a@b.de https://x.de', plain).used).toBe(20);
  });
});
