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
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>"'()\[\]{}]+[^\s<>"'()\[\]{}.,;:!?])`,
    String.raw`(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})`,
    String.raw`(?<mention>@[\p{L}\p{N}_]+(?:[.@][\p{L}\p{N}_-]+)*)`,
    String.raw`(?<hashtag>#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)`,
    String.raw`(?<number>\p{N}+(?:[.,:]\p{N}+)*(?:\s?%|€|\$|k\b)?)`,
    String.raw`(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*['’]?)`,
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\uFE0F|\p{EMod}|\u200D\p{Extended_Pictographic})*|\p{RI}\p{RI})`,
    String.raw`(?<punct>[?!]+|\.{2,}|[.…,;:«»"“”()\-–—/*]|[^\s\p{L}\p{N}])`,
  ].join('|'),
  'gu',
);

/** Elided French articles and pronouns that are written glued to the next word. */
const ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=[\p{L}])/iu;

/**
 * Splits a text into tokens. Never throws; non-text input yields no tokens.
 *
 * @example
 * tokenize("T'es où ? https://x.fr #Vigie").map((t) => t.kind)
 * // → ['elision', 'word', 'punct', 'url', 'hashtag']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  if (typeof text !== 'string' || text.length === 0) return tokens;
  TOKEN_PATTERN.lastIndex = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const groups = match.groups ?? {};
    const kind = (Object.keys(groups).find((k) => groups[k] !== undefined) ?? 'punct') as TokenKind;
    const value = match[0];
    const start = match.index ?? 0;
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
  return tokens;
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
  const masked = text.replace(/(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|\d[.,]\d/g, (m) => m.replace(/[.!?…]/g, '_'));
  const out: string[] = [];
  const pattern = /[^.!?…\n]+(?:[.!?…]+["»”)]*)?/gu;
  for (const match of masked.matchAll(pattern)) {
    const start = match.index ?? 0;
    const sentence = text.slice(start, start + match[0].length).trim();
    if (/[\p{L}\p{N}]/u.test(sentence)) out.push(sentence);
  }
  return out;
}
