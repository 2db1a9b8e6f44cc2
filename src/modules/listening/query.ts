/**
 * The query language of saved searches, pure: parse, evaluate against a post, and turn into the positive
 * conjunctions a network's search can run.
 *
 *   query   := or
 *   or      := and (OR and)*
 *   and     := unary ((AND)? unary)*          two terms side by side mean AND
 *   unary   := (NOT | -) unary | primary
 *   primary := ( query ) | "phrase" | #hashtag | @account | from:account | word
 *
 * Operators are upper case, in English or German (AND/UND, OR/ODER, NOT/NICHT), so the lower-case word
 * "and" stays a word. Matching ignores case; words match whole words, phrases a run of whole words.
 */

export type QueryNode =
  | { kind: 'word'; value: string }
  | { kind: 'phrase'; value: string }
  | { kind: 'hashtag'; value: string }
  | { kind: 'account'; value: string }
  | { kind: 'not'; node: QueryNode }
  | { kind: 'and'; nodes: QueryNode[] }
  | { kind: 'or'; nodes: QueryNode[] };

export const QUERY_ERROR_CODES = [
  'query_empty',
  'query_too_long',
  'query_too_many_terms',
  'query_unclosed_quote',
  'query_empty_phrase',
  'query_unclosed_paren',
  'query_unexpected_paren',
  'query_missing_operand',
  'query_empty_tag',
  'query_bad_account',
  'query_only_negative',
  'query_too_broad',
] as const;
export type QueryErrorCode = (typeof QUERY_ERROR_CODES)[number];

/** A query that does not parse: what is wrong, and where (0-based character offset). */
export class QueryError extends Error {
  readonly code: QueryErrorCode;
  readonly position: number;
  constructor(code: QueryErrorCode, position: number) {
    super(`${code} at ${position}`);
    this.name = 'QueryError';
    this.code = code;
    this.position = position;
  }
}

export const MAX_QUERY_CHARS = 500;
export const MAX_QUERY_TERMS = 40;
/** OR-branches a network is asked for per poll; more would cost a rate limit per poll. */
export const MAX_NETWORK_QUERIES = 8;

type Token =
  | { type: 'term'; node: QueryNode; at: number }
  | { type: 'and' | 'or' | 'not' | 'open' | 'close'; at: number };

const OPERATORS: Record<string, 'and' | 'or' | 'not'> = {
  AND: 'and',
  UND: 'and',
  OR: 'or',
  ODER: 'or',
  NOT: 'not',
  NICHT: 'not',
};

const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Where a word ends: whitespace, parentheses, a quote. */
const BREAK = /[\s()"]/u;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === '(') {
      tokens.push({ type: 'open', at: i++ });
      continue;
    }
    if (c === ')') {
      tokens.push({ type: 'close', at: i++ });
      continue;
    }
    if (c === '"' || c === '„' || c === '“') {
      const end = input.slice(i + 1).search(/["“”]/u);
      if (end < 0) throw new QueryError('query_unclosed_quote', i);
      const value = normalise(input.slice(i + 1, i + 1 + end));
      if (words(value).length === 0) throw new QueryError('query_empty_phrase', i);
      tokens.push({ type: 'term', node: { kind: 'phrase', value }, at: i });
      i += end + 2;
      continue;
    }
    if (c === '-' && i + 1 < input.length && !/\s/u.test(input[i + 1]!)) {
      tokens.push({ type: 'not', at: i++ });
      continue;
    }
    let j = i;
    while (j < input.length && !BREAK.test(input[j]!)) j++;
    const raw = input.slice(i, j);
    const op = OPERATORS[raw];
    if (op) tokens.push({ type: op, at: i });
    else tokens.push({ type: 'term', node: termNode(raw, i), at: i });
    i = j;
  }
  return tokens;
}

function termNode(raw: string, at: number): QueryNode {
  if (raw.startsWith('#')) {
    const tag = raw.slice(1).replace(/[^\p{L}\p{N}_]+$/u, '');
    if (!tag || !/^[\p{L}\p{N}_]+$/u.test(tag)) throw new QueryError('query_empty_tag', at);
    return { kind: 'hashtag', value: tag.toLowerCase() };
  }
  const account = raw.startsWith('@')
    ? raw.slice(1)
    : raw.toLowerCase().startsWith('from:')
      ? raw.slice(5)
      : null;
  if (account !== null) {
    const handle = account.replace(/^@/, '').toLowerCase();
    if (!/^[\p{L}\p{N}_][\p{L}\p{N}_.@-]*$/u.test(handle)) throw new QueryError('query_bad_account', at);
    return { kind: 'account', value: handle };
  }
  const value = normalise(raw);
  // A word of only punctuation ("!", "…") cannot match anything on its own.
  if (!WORD_CHAR.test(value)) throw new QueryError('query_missing_operand', at);
  return words(value).length > 1 ? { kind: 'phrase', value } : { kind: 'word', value };
}

/** Parses a query; throws QueryError with the position of the first problem. */
export function parseQuery(input: string): QueryNode {
  if (input.length > MAX_QUERY_CHARS) throw new QueryError('query_too_long', MAX_QUERY_CHARS);
  const tokens = tokenize(input);
  if (tokens.length === 0) throw new QueryError('query_empty', 0);
  if (tokens.filter((t) => t.type === 'term').length > MAX_QUERY_TERMS) {
    throw new QueryError('query_too_many_terms', 0);
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const endAt = input.length;

  function parseOr(): QueryNode {
    const nodes = [parseAnd()];
    while (peek()?.type === 'or') {
      pos++;
      nodes.push(parseAnd());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'or', nodes };
  }

  function parseAnd(): QueryNode {
    const nodes = [parseUnary()];
    for (;;) {
      const t = peek();
      if (!t || t.type === 'or' || t.type === 'close') break;
      if (t.type === 'and') pos++;
      nodes.push(parseUnary());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes };
  }

  function parseUnary(): QueryNode {
    const t = peek();
    if (t?.type === 'not') {
      pos++;
      return { kind: 'not', node: parseUnary() };
    }
    return parsePrimary();
  }

  function parsePrimary(): QueryNode {
    const t = peek();
    if (!t) throw new QueryError('query_missing_operand', endAt);
    if (t.type === 'term') {
      pos++;
      return t.node;
    }
    if (t.type === 'open') {
      pos++;
      if (peek()?.type === 'close') throw new QueryError('query_missing_operand', peek()!.at);
      const inner = parseOr();
      if (peek()?.type !== 'close') throw new QueryError('query_unclosed_paren', t.at);
      pos++;
      return inner;
    }
    if (t.type === 'close') throw new QueryError('query_unexpected_paren', t.at);
    throw new QueryError('query_missing_operand', t.at);
  }

  const root = parseOr();
  const rest = peek();
  if (rest) {
    throw new QueryError(rest.type === 'close' ? 'query_unexpected_paren' : 'query_missing_operand', rest.at);
  }
  // Networks are searched for what a query wants; a query of exclusions alone wants nothing findable.
  if (positiveClauses(root) === null) throw new QueryError('query_only_negative', 0);
  if ((positiveClauses(root) ?? []).length > MAX_NETWORK_QUERIES) throw new QueryError('query_too_broad', 0);
  return root;
}

// ── Evaluation ───────────────────────────────────────────────────────────────────────────────────────

/** Lower case, compatibility forms folded (ﬁ → fi, full-width letters), ß kept (German). */
function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim();
}

function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}_]+(?:['’][\p{L}\p{N}_]+)*/gu) ?? [];
}

export interface MatchablePost {
  text: string;
  authorHandle: string;
}

interface Prepared {
  words: string[];
  wordSet: Set<string>;
  tags: Set<string>;
  mentions: Set<string>;
  author: string;
}

function prepare(post: MatchablePost): Prepared {
  const text = normalise(post.text);
  const list = words(text);
  return {
    words: list,
    wordSet: new Set(list),
    tags: new Set([...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]!)),
    mentions: new Set([...text.matchAll(/@([\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}_.-]+)?)/gu)].map((m) => m[1]!)),
    author: normalise(post.authorHandle).replace(/^@/, ''),
  };
}

/** An account term names the account with or without its instance: @presse matches presse@social.example. */
function sameAccount(term: string, handle: string): boolean {
  if (handle === term) return true;
  const [user, host] = term.split('@');
  const [hUser, hHost] = handle.split('@');
  return user === hUser && (host === undefined || hHost === undefined || host === hHost);
}

function hasPhrase(haystack: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (haystack[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

function holds(node: QueryNode, p: Prepared): boolean {
  switch (node.kind) {
    case 'word':
      return p.wordSet.has(node.value) || p.tags.has(node.value);
    case 'phrase':
      return hasPhrase(p.words, words(node.value));
    case 'hashtag':
      return p.tags.has(node.value);
    case 'account':
      return sameAccount(node.value, p.author) || [...p.mentions].some((m) => sameAccount(node.value, m));
    case 'not':
      return !holds(node.node, p);
    case 'and':
      return node.nodes.every((n) => holds(n, p));
    case 'or':
      return node.nodes.some((n) => holds(n, p));
  }
}

/** Whether a post matches: networks' search is fuzzy, so every result is checked here again. */
export function matchesQuery(node: QueryNode, post: MatchablePost): boolean {
  return holds(node, prepare(post));
}

// ── What networks are asked ──────────────────────────────────────────────────────────────────────────

export interface PositiveClause {
  words: string[];
  phrases: string[];
  hashtags: string[];
  accounts: string[];
}

const EMPTY: PositiveClause = { words: [], phrases: [], hashtags: [], accounts: [] };

function merge(a: PositiveClause, b: PositiveClause): PositiveClause {
  const u = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    words: u(a.words, b.words),
    phrases: u(a.phrases, b.phrases),
    hashtags: u(a.hashtags, b.hashtags),
    accounts: u(a.accounts, b.accounts),
  };
}

const isEmpty = (c: PositiveClause) =>
  c.words.length + c.phrases.length + c.hashtags.length + c.accounts.length === 0;

/**
 * The query as OR-branches of positive terms (disjunctive normal form, exclusions dropped: they are
 * checked locally). Null when some branch has no positive term — it would ask a network for everything.
 */
export function positiveClauses(node: QueryNode): PositiveClause[] | null {
  const dnf = (n: QueryNode): PositiveClause[] => {
    switch (n.kind) {
      case 'word':
        return [{ ...EMPTY, words: [n.value] }];
      case 'phrase':
        return [{ ...EMPTY, phrases: [n.value] }];
      case 'hashtag':
        return [{ ...EMPTY, hashtags: [n.value] }];
      case 'account':
        return [{ ...EMPTY, accounts: [n.value] }];
      case 'not':
        return [EMPTY];
      case 'or':
        return n.nodes.flatMap(dnf);
      case 'and': {
        let acc: PositiveClause[] = [EMPTY];
        for (const child of n.nodes) {
          const next = dnf(child);
          acc = acc.flatMap((a) => next.map((b) => merge(a, b)));
          // Bounded: a product of ORs grows fast; past the limit the query is refused anyway.
          if (acc.length > MAX_NETWORK_QUERIES * 4) return acc;
        }
        return acc;
      }
    }
  };
  const clauses = dnf(node);
  if (clauses.some(isEmpty)) return null;
  const seen = new Set<string>();
  return clauses.filter((c) => {
    const key = clauseKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A stable name of a clause: the cursor of each OR-branch is kept under it. */
export function clauseKey(c: PositiveClause): string {
  const part = (xs: string[]) => [...xs].sort().join('\u001f');
  return [part(c.words), part(c.phrases), part(c.hashtags), part(c.accounts)].join('\u001e');
}
