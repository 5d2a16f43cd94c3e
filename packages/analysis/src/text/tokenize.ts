/**
 * A fast social-media tokeniser for French and English: URLs, e-mails, @mentions, #hashtags,
 * emoji, numbers, words (with inner hyphens and apostrophes) and punctuation, each with its offsets.
 * French elisions are split off ("l'homme" → "l'" + "homme", "t'es" → "t'" + "es") so that stop
 * words and lexicons see the bare word. Hand-written on one regular expression because
 * Intl.Segmenter is several times slower and knows nothing of URLs or hashtags.
 */
import { foldText } from './fold';

export type TokenKind = 'word' | 'elision' | 'number' | 'url' | 'email' | 'mention' | 'hashtag' | 'emoji' | 'punct';

export interface Token {
  /** The text as written. */
  text: string;
  /** Lower case without diacritics (`foldText`), for lookups. */
  norm: string;
  kind: TokenKind;
  /** Offsets in the input, in UTF-16 code units. */
  start: number;
  end: number;
}

const TOKEN_PATTERN = new RegExp(
  [
    String.raw`((?:https?:\/\/|www\.)[^\s<>"'()\[\]{}]+[^\s<>"'()\[\]{}.,;:!?])`,
    String.raw`([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})`,
    String.raw`(@[\p{L}\p{N}_]+(?:[.@][\p{L}\p{N}_-]+)*)`,
    String.raw`(#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)`,
    String.raw`(\p{N}+(?:[.,:]\p{N}+)*(?:\s?%|€|\$|k\b)?)`,
    String.raw`([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*['’]?)`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\p{EMod}|\u200D\p{Extended_Pictographic})*|\p{RI}\p{RI})`,
    String.raw`([?!]+|\.{2,}|[.…,;:«»"“”()\-–—/*]|[^\s\p{L}\p{N}])`,
  ].join('|'),
  'gu',
);
/** The kind of each capture group of TOKEN_PATTERN, in order. */
const GROUP_KINDS: readonly TokenKind[] = ['url', 'email', 'mention', 'hashtag', 'number', 'word', 'emoji', 'punct'];

/** Elided French articles and pronouns that are written glued to the next word. */
const ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=[\p{L}])/iu;

let lastText = '';
let lastTokens: readonly Token[] = [];

/**
 * Splits a text into tokens. Never throws; non-text input yields no tokens.
 * The last result is memoised: the analyzers of one post all tokenise the same text in a row.
 *
 * @example
 * tokenize("T'es où ? https://x.fr #Vigie").map((t) => t.kind)
 * // → ['elision', 'word', 'punct', 'url', 'hashtag']
 */
export function tokenize(text: string): readonly Token[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  if (text === lastText) return lastTokens;
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    let group = 1;
    while (group < match.length && match[group] === undefined) group++;
    const kind = GROUP_KINDS[group - 1] ?? 'punct';
    const value = match[0];
    const start = match.index;
    if (kind === 'word') {
      const elision = ELISION.exec(value);
      if (elision && !/^aujourd/i.test(value)) {
        const cut = elision[0].length;
        tokens.push({ text: value.slice(0, cut), norm: foldText(value.slice(0, cut)), kind: 'elision', start, end: start + cut });
        pushWord(tokens, value.slice(cut), start + cut);
        continue;
      }
      pushWord(tokens, value, start);
      continue;
    }
    tokens.push({ text: value, norm: foldText(value), kind, start, end: start + value.length });
  }
  for (const token of tokens) Object.freeze(token);
  lastText = text;
  lastTokens = Object.freeze(tokens);
  return lastTokens;
}

function pushWord(tokens: Token[], value: string, start: number): void {
  // A trailing apostrophe is a quote mark or an English plural possessive, not part of the word.
  const text = /['’]$/.test(value) && value.length > 1 ? value.slice(0, -1) : value;
  tokens.push({ text, norm: foldText(text), kind: 'word', start, end: start + text.length });
}

/**
 * Words only (with elisions dropped), folded: the usual input of lexicons and statistics.
 *
 * @example
 * words("L'équipe répond vite") // → ['equipe', 'repond', 'vite']
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) if (token.kind === 'word') out.push(token.norm);
  return out;
}

/**
 * Splits a text into sentences on . ! ? … and line breaks (URLs and decimals are not cut).
 *
 * @example
 * splitSentences('Bonjour. Ça va ? Oui!') // → ['Bonjour.', 'Ça va ?', 'Oui!']
 */
export function splitSentences(text: string): string[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // Mask the dots of URLs, e-mails and decimals (same length) so that offsets stay valid.
  // Each alternative starts at a word boundary so that a 20 000-letter "word" stays linear.
  const masked = text.replace(/(?<!\S)(?:https?:\/\/|www\.)\S+|(?<!\S)[^\s@]+@[^\s@]+\.\w+|\d[.,]\d/g, (m) => m.replace(/[.!?…]/g, '_'));
  const out: string[] = [];
  const pattern = /[^.!?…\n]+(?:[.!?…]+["»”)]*)?/gu;
  for (const match of masked.matchAll(pattern)) {
    const start = match.index ?? 0;
    const sentence = text.slice(start, start + match[0].length).trim();
    if (/[\p{L}\p{N}]/u.test(sentence)) out.push(sentence);
  }
  return out;
}
