/**
 * Turns a post into the tokens the sentiment model and lexicon read. Social-media text needs more
 * than splitting on spaces: elisions (`j'adore`, `n'est`), contractions (`don't`), hashtags,
 * @handles and links, emoji and emoticons, elongations (`troooop`), and the scope of a negation
 * (`pas terrible`, `not bad`), which is marked on the tokens it covers.
 */
import { emojiPolarity } from './emoji-polarity';

/** One token with what the sentiment model needs to know about it. */
export interface SentimentToken {
  /** Lower-case, accent-free, elongation-collapsed form (`génial` → `genial`, `coooool` → `cool`). */
  norm: string;
  /** True when the token lies in the scope of a negation (`pas` in `pas terrible` negates `terrible`). */
  negated: boolean;
  kind: 'word' | 'hashtag' | 'emoji' | 'emoticon' | 'url' | 'user' | 'number' | 'punct';
  /** The emoji's or emoticon's polarity (-1 … +1), 0 for other kinds. */
  polarity: number;
  /** The word was written in capitals (`NUL`), a cheap intensity marker. */
  shouted: boolean;
  /** A letter was repeated three times or more (`trooop`). */
  elongated: boolean;
}

/** Whole-text cues that are not tokens. */
export interface SentimentCues {
  exclamations: number;
  questions: number;
  /** `!?`, `?!`, `...` at the end, quotes around a word: cheap irony markers. */
  ironyMarks: number;
}

export interface TokenizedText {
  tokens: SentimentToken[];
  cues: SentimentCues;
}

const EMOTICONS: ReadonlyArray<readonly [string, number]> = [
  [':-)', 1], [':)', 1], ['(:', 1], [':-d', 1], [':d', 1], ['xd', 0.6], [';-)', 0.7], [';)', 0.7], [':p', 0.5],
  [':-p', 0.5], ['<3', 1], ['^^', 0.8], ['^_^', 0.8], [':o)', 0.8], ['=)', 1], ['8-)', 0.7],
  [':-(', -1], [':(', -1], ['):', -1], [":'(", -1], [':-/', -0.6], [':/', -0.6], [':s', -0.5], [':|', -0.3],
  ['>:(', -1], ['</3', -1], ['-_-', -0.6], ['>_<', -0.6], [':@', -1], ['d:', -0.8],
];
const EMOTICON_MAP = new Map(EMOTICONS);
const EMOTICON_SOURCE = EMOTICONS.map(([e]) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Token pattern, in priority order (capture groups 1–9, read by index in the loop below): links, handles, hashtags, emoticons (bounded by space or edge so
 * that `d:` inside a word is not one), French elided articles/pronouns, words with inner hyphens,
 * numbers, emoji (one pictograph with its modifiers), punctuation runs.
 */
const TOKEN_RE = new RegExp(
  [
    '(https?:\\/\\/\\S+|\\bhttp\\b|www\\.\\S+)',
    '(@\\w+)',
    '(#[\\p{L}\\p{N}_]+)',
    `((?<=^|\\s)(?:${EMOTICON_SOURCE})(?=$|\\s|[.,!?]))`,
    "(\\b(?:[ljdmtsnc]|qu|jusqu|lorsqu|puisqu)['’](?=\\p{L}))",
    "([\\p{L}\\p{M}]+(?:['’\\-][\\p{L}\\p{M}]+)*)",
    '(\\p{N}+(?:[.,]\\p{N}+)*)',
    '(\\p{Extended_Pictographic}(?:\\uFE0F|\\u200D\\p{Extended_Pictographic}|[\\u{1F3FB}-\\u{1F3FF}])*)',
    '([!?.,;:…]+)',
  ].join('|'),
  'giu',
);

const FRENCH_ELISIONS: Record<string, string> = {
  l: 'le', j: 'je', d: 'de', m: 'me', t: 'te', s: 'se', n: 'ne', c: 'ce',
  qu: 'que', jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque',
};

/** Words that open a negation scope. French `ne … pas` is covered by both `ne` and `pas`. */
const NEGATORS = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'nor', 'neither', 'without', 'cannot', 'hardly', 'dont', 'cant',
  'wont', 'isnt', 'doesnt', 'didnt', 'wasnt', 'arent', 'couldnt', 'shouldnt', 'wouldnt', 'aint',
  'ne', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'guere', 'nullement',
]);
/** A negation scope ends at these words, at punctuation, or after a few tokens. */
const SCOPE_BREAKERS = new Set(['but', 'mais', 'however', 'pourtant', 'cependant', 'though', 'although', 'quand', 'when']);
const NEGATION_SCOPE = 3;

const ENGLISH_CONTRACTION = /^(\p{L}+)n['’]t$/u;
const ENGLISH_CLITIC = /^(\p{L}+)['’](?:s|re|ve|ll|d|m)$/u;

/** Words seen recently: posts reuse the same few thousand words, and Unicode normalisation is not free. */
const NORMALIZED = new Map<string, { norm: string; elongated: boolean }>();
const NORMALIZED_MAX = 50_000;

/** Lower-case, strip accents, collapse 3+ repeated letters to 2 (`trooop` → `troop`, `cooool` → `cool`). */
export function normalizeWord(word: string): { norm: string; elongated: boolean } {
  const cached = NORMALIZED.get(word);
  if (cached) return cached;
  const lower = word.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
  const collapsed = lower.replace(/(\p{L})\1{2,}/gu, '$1$1');
  const result = { norm: collapsed, elongated: collapsed !== lower };
  // A bounded cache: cleared when full rather than tracking recency, which costs more than it saves.
  if (NORMALIZED.size >= NORMALIZED_MAX) NORMALIZED.clear();
  NORMALIZED.set(word, result);
  return result;
}

function isShouted(word: string): boolean {
  return word.length >= 3 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** `can't` → can not, `won't` → will not, `ain't` → is not: the part before n't is not always a word. */
const CONTRACTION_HEADS: Record<string, string> = { ca: 'can', wo: 'will', ai: 'is', sha: 'shall' };

function wordTokens(raw: string): Array<{ text: string }> {
  const contraction = ENGLISH_CONTRACTION.exec(raw);
  if (contraction?.[1]) {
    const head = contraction[1].toLowerCase();
    return [{ text: CONTRACTION_HEADS[head] ?? contraction[1] }, { text: 'not' }];
  }
  const clitic = ENGLISH_CLITIC.exec(raw);
  if (clitic?.[1]) return [{ text: clitic[1] }];
  return [{ text: raw.replace(/’/g, "'") }];
}

/**
 * @example
 * tokenizeForSentiment("C'est pas terrible 😞").tokens.map((t) => (t.negated ? 'NOT_' : '') + t.norm);
 * // ['ce', 'est', 'pas', 'NOT_terrible', '😞'] — emoji are never negated, they keep their polarity
 */
export function tokenizeForSentiment(text: string): TokenizedText {
  const tokens: SentimentToken[] = [];
  const cues: SentimentCues = { exclamations: 0, questions: 0, ironyMarks: 0 };
  let scopeLeft = 0;
  // Tokens are built with `negated: false` and marked here, in place: no copy per token.
  const push = (token: SentimentToken): void => {
    if (scopeLeft > 0 && (token.kind === 'word' || token.kind === 'hashtag')) {
      token.negated = true;
      scopeLeft -= 1;
    }
    tokens.push(token);
  };

  TOKEN_RE.lastIndex = 0;
  for (let match = TOKEN_RE.exec(text); match !== null; match = TOKEN_RE.exec(text)) {
    const value = match[0];
    if (match[1] !== undefined) {
      push({ negated: false, norm: '<url>', kind: 'url', polarity: 0, shouted: false, elongated: false });
    } else if (match[2] !== undefined) {
      push({ negated: false, norm: '<user>', kind: 'user', polarity: 0, shouted: false, elongated: false });
    } else if (match[3] !== undefined) {
      const { norm, elongated } = normalizeWord(value.slice(1));
      push({ negated: false, norm, kind: 'hashtag', polarity: 0, shouted: false, elongated });
    } else if (match[4] !== undefined) {
      const polarity = EMOTICON_MAP.get(value.toLowerCase()) ?? 0;
      push({ negated: false, norm: polarity >= 0 ? '<emoticon+>' : '<emoticon->', kind: 'emoticon', polarity, shouted: false, elongated: false });
    } else if (match[5] !== undefined) {
      const head = value.slice(0, -1).toLowerCase();
      const norm = FRENCH_ELISIONS[head] ?? head;
      push({ negated: false, norm, kind: 'word', polarity: 0, shouted: false, elongated: false });
      if (NEGATORS.has(norm)) scopeLeft = NEGATION_SCOPE;
    } else if (match[6] !== undefined) {
      for (const part of wordTokens(value)) {
        const { norm, elongated } = normalizeWord(part.text);
        if (SCOPE_BREAKERS.has(norm)) scopeLeft = 0;
        const opensScope = NEGATORS.has(norm);
        // A negator is not itself negated: `ne … pas` must not turn `pas` into NOT_pas.
        if (opensScope) {
          tokens.push({ norm, negated: false, kind: 'word', polarity: 0, shouted: isShouted(part.text), elongated });
          scopeLeft = NEGATION_SCOPE;
        } else {
          push({ negated: false, norm, kind: 'word', polarity: 0, shouted: isShouted(part.text), elongated });
        }
      }
    } else if (match[7] !== undefined) {
      push({ negated: false, norm: '<num>', kind: 'number', polarity: 0, shouted: false, elongated: false });
    } else if (match[8] !== undefined) {
      const base = value.replace(/\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, '');
      push({ negated: false, norm: base, kind: 'emoji', polarity: emojiPolarity(base), shouted: false, elongated: false });
    } else {
      cues.exclamations += (value.match(/!/g) ?? []).length;
      cues.questions += (value.match(/\?/g) ?? []).length;
      if (/!\?|\?!|\.\.\.|…/.test(value)) cues.ironyMarks += 1;
      scopeLeft = 0;
      push({ negated: false, norm: value.includes('!') ? '!' : value.includes('?') ? '?' : '.', kind: 'punct', polarity: 0, shouted: false, elongated: false });
    }
  }
  return { tokens, cues };
}
