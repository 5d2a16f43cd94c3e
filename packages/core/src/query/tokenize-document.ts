/**
 * Tokenisation of posts: the word boundaries every listening query relies on.
 *
 * A token is a run of letters, digits, `_` and combining marks, folded (see fold-text.ts).
 * `#tag` and `@handle` (when `#`/`@` does not follow a word character, so e-mail addresses stay
 * words) are hashtag and mention tokens. A French elided article or pronoun (`l'`, `d'`, `qu'`,
 * `jusqu'`…) is dropped, so `l'entreprise` gives the single token `entreprise`.
 */
import type { MatchableDocument } from '../ports/matcher';
import { CHAR_CLASS, charClassAt, charClasses, foldWord } from './fold-text';

export type TokenKind = 'word' | 'hashtag' | 'mention';

/** One word of a text: folded value, kind and UTF-16 span in the original text (`#`/`@` included). */
export interface DocToken {
  value: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** `hashWord(value)`, computed while reading the word (the percolator's filter uses it). */
  hash: number;
}

/**
 * A 32-bit hash of a folded word; the percolator keeps a filter of these to skip looking up
 * words no query mentions.
 */
export function hashWord(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) hash = (Math.imul(hash, 31) + value.charCodeAt(i)) | 0;
  return hash;
}

/** A document split once into tokens per field; every evaluator and the matcher share it. */
export interface TokenizedDocument {
  doc: MatchableDocument;
  text: DocToken[];
  title: DocToken[];
  author: DocToken[];
}

/** Elided French words: dropped when followed by an apostrophe and a letter. */
export const ELISIONS: ReadonlySet<string> = new Set([
  'l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu',
]);

const { WORD, MARK, APOSTROPHE } = CHAR_CLASS;

/**
 * Splits a text into folded tokens.
 *
 * @example
 * tokenizeText("L'entreprise #VigieApp").map((t) => t.value); // ['entreprise', 'vigieapp']
 */
export function tokenizeText(text: string): DocToken[] {
  const cls = charClasses();
  const tokens: DocToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const c = code >= 0xd800 && code <= 0xdbff ? charClassAt(text, i) : cls[code];
    let kind: TokenKind = 'word';
    let bodyStart = i;
    if (c !== WORD) {
      const isSigil = (code === 35 || code === 64) && i + 1 < n && charClassAt(text, i + 1) === WORD;
      if (!isSigil || (i > 0 && isWordClass(charClassAt(text, i - 1)))) {
        i++;
        continue;
      }
      kind = code === 35 ? 'hashtag' : 'mention';
      bodyStart = i + 1;
    }
    let j = bodyStart;
    let ascii = true;
    let upper = false;
    let hash = 0;
    while (j < n) {
      const cc = text.charCodeAt(j);
      if (cc < 128) {
        if (cls[cc] !== WORD) break;
        if (cc >= 65 && cc <= 90) {
          upper = true;
          hash = (Math.imul(hash, 31) + cc + 32) | 0;
        } else {
          hash = (Math.imul(hash, 31) + cc) | 0;
        }
        j++;
        continue;
      }
      ascii = false;
      if (cc >= 0xd800 && cc <= 0xdbff) {
        if (!isWordClass(charClassAt(text, j))) break;
        j += 2;
        continue;
      }
      if (!isWordClass(cls[cc] ?? 0)) break;
      j++;
    }
    const raw = ascii ? text.slice(bodyStart, j) : '';
    const value = ascii ? (upper ? raw.toLowerCase() : raw) : foldWord(text, bodyStart, j);
    if (kind === 'word' && j + 1 < n && cls[text.charCodeAt(j)] === APOSTROPHE && charClassAt(text, j + 1) === WORD && ELISIONS.has(value)) {
      i = j + 1;
      continue;
    }
    if (value.length > 0) tokens.push({ value, kind, start: i, end: j, hash: ascii ? hash : hashWord(value) });
    i = j;
  }
  return tokens;
}

function isWordClass(cls: number): boolean {
  return cls === WORD || cls === MARK;
}

/**
 * Tokenizes the searchable fields of a document (text, title, author).
 *
 * @example
 * tokenizeDocument({ text: 'Vigie', title: 'Avis' }).title[0]?.value; // 'avis'
 */
export function tokenizeDocument(doc: MatchableDocument): TokenizedDocument {
  return {
    doc,
    text: tokenizeText(doc.text),
    title: doc.title ? tokenizeText(doc.title) : [],
    author: doc.author ? tokenizeText(doc.author) : [],
  };
}

/** The token as written (without `#`/`@`), NFC-normalised, for case-sensitive `{Terms}`. */
export function exactTokenText(source: string, token: DocToken): string {
  return source.slice(token.kind === 'word' ? token.start : token.start + 1, token.end).normalize('NFC');
}
