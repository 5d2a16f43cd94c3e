/**
 * The percolator's word scanner: the same words as `tokenizeText` (same boundaries, folding,
 * hashtags, mentions and dropped elisions), read one at a time into a reused buffer of folded
 * UTF-16 code units, with `hashWord` of each, and no string or object allocated per word. The
 * percolator looks words up in its index straight from the buffer; it builds the full tokens
 * (`tokenizeDocument`) only when a candidate query needs positions. A property test holds the
 * scanner to `tokenizeText`.
 */
import { CHAR_CLASS, charClassAt, charClasses, foldCodes, foldOf, FOLDS_TO_MANY, foldWord } from './fold-text';
import { ELISIONS } from './tokenize-document';

/** Token kinds as numbers (the scanner's `kind`). */
export const SCAN_KIND = { word: 0, hashtag: 1, mention: 2 } as const;

// Module-local copies: an imported binding can cost a getter call per access on the hot path.
const { WORD, MARK, APOSTROPHE } = CHAR_CLASS;
const MANY = FOLDS_TO_MANY;
const LONGEST_ELISION = Math.max(...[...ELISIONS].map((e) => e.length));
if ([...ELISIONS].some((e) => [...e].some((ch) => ch.charCodeAt(0) >= 128))) throw new Error('scan-words: elisions must be ASCII');
/** The elisions as numbers (ASCII code units in base 128), compared without building a string. */
const ELISION_CODES = Float64Array.from([...ELISIONS].map((e) => [...e].reduce((code, ch) => code * 128 + ch.charCodeAt(0), 0)));

/** Whether `buffer[0 … length)` is an elided word (`l`, `qu`, `jusqu`…). */
function isElision(buffer: Uint16Array, length: number): boolean {
  let code = 0;
  for (let k = 0; k < length; k++) {
    const c = buffer[k] as number;
    if (c >= 128) return false;
    code = code * 128 + c;
  }
  for (let e = 0; e < ELISION_CODES.length; e++) if (ELISION_CODES[e] === code) return true;
  return false;
}
const KIND_WORD = SCAN_KIND.word;

export class WordScanner {
  /** Folded code units of the current word: `buffer[0 … length)`. */
  buffer: Uint16Array = new Uint16Array(64);
  length = 0;
  /** `hashWord` of the current word. */
  hash = 0;
  /** SCAN_KIND of the current word. */
  kind = 0;
  private text = '';
  private at = 0;
  private readonly classes = charClasses();
  private readonly folds = foldCodes();

  /** Starts reading `text` from its beginning. */
  reset(text: string): void {
    this.text = text;
    this.at = 0;
  }

  /** Reads the next word; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    const cls = this.classes;
    const folds = this.folds;
    let buffer: Uint16Array = this.buffer;
    let i = this.at;
    while (i < n) {
      const code = text.charCodeAt(i);
      const c = code >= 0xd800 && code <= 0xdbff ? charClassAt(text, i) : cls[code];
      let kind: number = KIND_WORD;
      let j = i;
      if (c !== WORD) {
        const isSigil = (code === 35 || code === 64) && i + 1 < n && charClassAt(text, i + 1) === WORD;
        if (!isSigil || (i > 0 && isWordClass(charClassAt(text, i - 1)))) {
          i++;
          continue;
        }
        kind = code === 35 ? SCAN_KIND.hashtag : SCAN_KIND.mention;
        j = i + 1;
      }
      let length = 0;
      let hash = 0;
      while (j < n) {
        const cc = text.charCodeAt(j);
        if (cc < 128) {
          if (cls[cc] !== WORD) break;
          const lower = cc >= 65 && cc <= 90 ? cc + 32 : cc;
          if (length === buffer.length) buffer = this.grow();
          buffer[length++] = lower;
          hash = (Math.imul(hash, 31) + lower) | 0;
          j++;
          continue;
        }
        let many: string;
        if (cc >= 0xd800 && cc <= 0xdbff) {
          if (!isWordClass(charClassAt(text, j))) break;
          many = foldWord(text, j, j + 2);
          j += 2;
        } else {
          const k = cls[cc];
          if (k !== WORD && k !== MARK) break;
          j++;
          const f = folds[cc] as number;
          if (f >= 0) {
            if (length === buffer.length) buffer = this.grow();
            buffer[length++] = f;
            hash = (Math.imul(hash, 31) + f) | 0;
            continue;
          }
          if (f !== MANY) continue;
          many = foldOf(cc);
        }
        for (let m = 0; m < many.length; m++) {
          const f = many.charCodeAt(m);
          if (length === buffer.length) buffer = this.grow();
          buffer[length++] = f;
          hash = (Math.imul(hash, 31) + f) | 0;
        }
      }
      if (
        kind === KIND_WORD && length <= LONGEST_ELISION && j + 1 < n && cls[text.charCodeAt(j)] === APOSTROPHE
        && charClassAt(text, j + 1) === WORD && isElision(buffer, length)
      ) {
        i = j + 1;
        continue;
      }
      if (length > 0) {
        this.length = length;
        this.hash = hash;
        this.kind = kind;
        this.at = j;
        return true;
      }
      i = j;
    }
    this.at = n;
    this.length = 0;
    return false;
  }

  /** The current word as a string (tests and rare paths). */
  word(): string {
    let out = '';
    for (let from = 0; from < this.length; from += 4096) out += String.fromCharCode(...this.buffer.subarray(from, Math.min(this.length, from + 4096)));
    return out;
  }

  private grow(): Uint16Array {
    const bigger = new Uint16Array(this.buffer.length * 2);
    bigger.set(this.buffer);
    this.buffer = bigger;
    return bigger;
  }
}

function isWordClass(cls: number): boolean {
  return cls === WORD || cls === MARK;
}
