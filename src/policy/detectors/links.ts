// Links, found from a dot inside a host: with a scheme ("https://…"), with "www.", or bare ("bit.ly/x") when
// the top-level domain is a known one, so that "z.B." and "bericht.pdf" are not links.
export interface QueryParam {
  name: string;
  start: number;
  end: number;
}

export interface LinkMatch {
  start: number;
  end: number;
  /** Lower case, without a leading "www.". */
  host: string;
  params: QueryParam[];
}

const KNOWN_TLDS = new Set(
  (
    'com net org info biz edu gov int mil io co me ly gl gd to tv cc ai app dev de at ch li eu uk fr it es nl be lu ' +
    'dk se no fi is pl cz sk hu ro bg gr pt ie us ca au nz jp cn in br ru tr ua ee lv lt si hr rs ba mk al md by ' +
    'online shop store site blog news xyz link click page social media digital cloud tech bank berlin hamburg ' +
    'koeln cologne bayern nrw ruhr wien swiss gmbh ag im st sh id ms su ws gy tt al ink so re fm am gg ' +
    'ac ad ae ar cl mx za kr tw hk sg my ph th vn pk ng ke eg ma sa qa il'
  ).split(' '),
);

function isUrlChar(c: number): boolean {
  if (c <= 32 || c === 127) return false;
  // quotes and angle brackets end a URL in running text; so do typographic quotes and spaces
  return !(
    c === 34 ||
    c === 60 ||
    c === 62 ||
    c === 96 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x201e ||
    c === 0xa0
  );
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const TRAILING = new Set([46, 44, 59, 58, 33, 63, 39, 42, 95, 0x2019, 0x2026]);
const LEADING = new Set([40, 91, 123, 39, 42, 95, 0x2018, 0x201a]);

/**
 * dot is the offset of a '.'; returns the link it belongs to, if any, and where the run of URL characters
 * around it ends: every other dot before that belongs to the same run and would give the same answer, so the
 * caller skips them (a long run of dots without spaces would otherwise cost quadratic time).
 */
export function detectLink(text: string, dot: number): { link: LinkMatch | null; until: number } {
  const none = { link: null, until: dot + 1 };
  if (dot === 0 || dot + 1 >= text.length) return none;
  const after = text.charCodeAt(dot + 1);
  if (!((after >= 65 && after <= 90) || (after >= 97 && after <= 122))) return none;
  const before = text.charCodeAt(dot - 1);
  if (!isAlnum(before) && before !== 45) return none;
  let s = dot;
  while (s > 0 && isUrlChar(text.charCodeAt(s - 1))) s--;
  let e = dot + 1;
  while (e < text.length && isUrlChar(text.charCodeAt(e))) e++;
  const until = e;
  return { link: parseLink(text, s, e, dot), until };
}

function parseLink(text: string, start: number, end: number, dot: number): LinkMatch | null {
  let s = start;
  let e = end;
  while (s < dot && LEADING.has(text.charCodeAt(s))) s++;
  // a closing bracket at the end belongs to the URL only when the URL opened it
  let parens = 0;
  let brackets = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) parens++;
    else if (c === 41) parens--;
    else if (c === 91) brackets++;
    else if (c === 93) brackets--;
  }
  for (;;) {
    const c = text.charCodeAt(e - 1);
    if (TRAILING.has(c)) e--;
    else if (c === 41 && parens < 0) {
      parens++;
      e--;
    } else if (c === 93 && brackets < 0) {
      brackets++;
      e--;
    } else break;
  }
  if (e <= dot + 1) return null;
  const token = text.slice(s, e);
  const scheme = /^https?:\/\//i.exec(token);
  const hostStart = scheme ? scheme[0].length : 0;
  if (!scheme && /^[a-z][a-z0-9+.-]*:/i.test(token)) return null;
  let hostEnd = token.length;
  for (let i = hostStart; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35 || c === 58) {
      hostEnd = i;
      break;
    }
  }
  if (dot - s < hostStart || dot - s >= hostEnd) return null;
  let host = token.slice(hostStart, hostEnd).toLowerCase();
  if (host.includes('@')) return null;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => /^[\p{L}\p{N}-]{1,63}$/u.test(l))) return null;
  const tld = labels[labels.length - 1]!;
  if (!/^(\p{L}{2,63}|xn--[a-z0-9-]+)$/u.test(tld)) return null;
  if (!scheme && labels[0] !== 'www' && !KNOWN_TLDS.has(tld)) return null;
  if (host.startsWith('www.')) host = host.slice(4);
  const params: QueryParam[] = [];
  const q = token.indexOf('?', hostEnd);
  if (q >= 0) {
    const hash = token.indexOf('#', q);
    const qEnd = hash < 0 ? token.length : hash;
    let p = q + 1;
    while (p < qEnd) {
      let amp = token.indexOf('&', p);
      if (amp < 0 || amp > qEnd) amp = qEnd;
      const eq = token.indexOf('=', p);
      const nameEnd = eq >= 0 && eq < amp ? eq : amp;
      if (nameEnd > p)
        params.push({ name: token.slice(p, nameEnd).toLowerCase(), start: s + p, end: s + amp });
      p = amp + 1;
    }
  }
  return { start: s, end: e, host, params };
}

/** "example.com" matches itself and its subdomains. */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export const DEFAULT_SHORTENERS = [
  'bit.ly',
  'bitly.com',
  't.co',
  'tinyurl.com',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'lnkd.in',
  's.id',
  'rb.gy',
  't.ly',
  'bl.ink',
  'short.io',
  'soo.gd',
  'qr.ae',
  'ift.tt',
  'dlvr.it',
  'trib.al',
  'amzn.to',
  'shorte.st',
  'adf.ly',
  'tr.im',
  'x.co',
  'cli.gs',
];

export const DEFAULT_TRACKING_PARAMETERS = [
  'utm_*',
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'vero_conv',
  'vero_id',
  'wickedid',
  '_openstat',
  'epik',
  'srsltid',
  'ref_src',
];
