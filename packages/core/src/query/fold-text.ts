/**
 * Folding: the one normalisation every part of Vigie uses to compare words — lower case, accents
 * removed (é → e), ligatures expanded (œ → oe, æ → ae, ß → ss).
 *
 * Why tables instead of `normalize()` + a regular expression on the text: posts are folded on the
 * hot path of the percolator (hundreds of thousands per second), and no user text may reach a
 * backtracking regular-expression engine. The tables are filled once, from the 65,536 BMP
 * characters we generate ourselves, the first time they are needed (~25 ms). Characters beyond
 * the BMP are classified one code point at a time (then cached) by a fixed one-character class:
 * there is nothing to backtrack over.
 */

/** Character classes of the tables. */
const SEPARATOR = 0;
const WORD = 1;
/** A combining mark: continues a word, folds to nothing. */
const MARK = 2;
const APOSTROPHE = 3;

let classes: Uint8Array | undefined;
let folds: string[] | undefined;
const astral = new Map<number, { cls: number; fold: string }>();

const LIGATURES: Record<string, string> = { 'œ': 'oe', 'æ': 'ae', 'ß': 'ss' };
const APOSTROPHES = [0x27, 0x2019, 0x2018, 0x02bc, 0xff07];

function foldOne(ch: string): string {
  let out = '';
  for (const c of ch.toLowerCase().normalize('NFD')) {
    if (/\p{M}/u.test(c)) continue;
    out += LIGATURES[c] ?? c;
  }
  return out;
}

function classify(ch: string): number {
  if (/\p{M}/u.test(ch)) return MARK;
  return /[\p{L}\p{N}_]/u.test(ch) ? WORD : SEPARATOR;
}

function buildTables(): { classes: Uint8Array; folds: string[] } {
  const cls = new Uint8Array(65536);
  const fld: string[] = new Array<string>(65536);
  for (let code = 0; code < 65536; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCharCode(code);
    const c = classify(ch);
    cls[code] = c;
    if (c === WORD) fld[code] = code < 128 ? ch.toLowerCase() : foldOne(ch);
    else if (c === MARK) fld[code] = '';
  }
  for (const code of APOSTROPHES) cls[code] = APOSTROPHE;
  classes = cls;
  folds = fld;
  return { classes: cls, folds: fld };
}

function tables(): { classes: Uint8Array; folds: string[] } {
  return classes && folds ? { classes, folds } : buildTables();
}

function astralInfo(codePoint: number): { cls: number; fold: string } {
  let info = astral.get(codePoint);
  if (!info) {
    const ch = String.fromCodePoint(codePoint);
    const cls = classify(ch);
    info = { cls, fold: cls === WORD ? foldOne(ch) : '' };
    astral.set(codePoint, info);
  }
  return info;
}

/** The class of the character at `index` (a high surrogate reads the whole code point). */
export function charClassAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    return astralInfo(text.codePointAt(index) ?? code).cls;
  }
  return tables().classes[code] ?? SEPARATOR;
}

/** True when the character at `index` is part of a word (letter, digit, `_`, combining mark). */
export function isWordCharAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const cls = charClassAt(text, index);
  return cls === WORD || cls === MARK;
}

/** True when the character at `index` is an apostrophe (' ’ ‘ ʼ). */
export function isApostropheAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && charClassAt(text, index) === APOSTROPHE;
}

/**
 * Folds a whole text: lower case, no accents, ligatures expanded; punctuation and spaces are kept.
 *
 * @example
 * foldText('Œuvre à Straße'); // 'oeuvre a strasse'
 */
export function foldText(text: string): string {
  const { classes: cls, folds: fld } = tables();
  let out = '';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code >= 65 && code <= 90) {
        out += text.slice(plainFrom, i) + String.fromCharCode(code + 32);
        plainFrom = i + 1;
      }
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i) ?? code;
      const info = astralInfo(cp);
      if (info.cls === WORD || info.cls === MARK) {
        out += text.slice(plainFrom, i) + info.fold;
        plainFrom = i + 2;
      }
      i++;
      continue;
    }
    const c = cls[code];
    if (c === WORD || c === MARK) {
      const f = fld[code] ?? '';
      if (f.length !== 1 || f.charCodeAt(0) !== code) {
        out += text.slice(plainFrom, i) + f;
        plainFrom = i + 1;
      }
    }
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom);
}

/**
 * Folds one word known to contain only word characters (the tokenizer's slow path).
 * Internal: exported for the tokenizer.
 */
export function foldWord(text: string, start: number, end: number): string {
  const { folds: fld } = tables();
  let out = '';
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      out += astralInfo(text.codePointAt(i) ?? code).fold;
      i++;
    } else {
      out += fld[code] ?? '';
    }
  }
  return out;
}

/** Internal class constants, shared with the tokenizer. */
export const CHAR_CLASS = { SEPARATOR, WORD, MARK, APOSTROPHE } as const;
/** Internal: the class table (filled on first use). */
export function charClasses(): Uint8Array {
  return tables().classes;
}

/** `foldCodes()` value of a character that folds to nothing (a combining mark). */
export const FOLDS_TO_NOTHING = -1;
/** `foldCodes()` value of a character that folds to several code units (œ → oe): read `foldOf`. */
export const FOLDS_TO_MANY = -2;
let codes: Int32Array | undefined;

/**
 * Internal, for the percolator's allocation-free scanner: the fold of each BMP word character as
 * one code unit, or FOLDS_TO_NOTHING / FOLDS_TO_MANY (0 for separators).
 */
export function foldCodes(): Int32Array {
  if (codes) return codes;
  const { folds: fld } = tables();
  const out = new Int32Array(65536);
  for (let code = 0; code < 65536; code++) {
    const f = fld[code];
    if (f === undefined) continue;
    out[code] = f.length === 1 ? f.charCodeAt(0) : f.length === 0 ? FOLDS_TO_NOTHING : FOLDS_TO_MANY;
  }
  codes = out;
  return out;
}

/** Internal: the fold of one BMP word character (the FOLDS_TO_MANY case of `foldCodes`). */
export function foldOf(code: number): string {
  return tables().folds[code] ?? '';
}
