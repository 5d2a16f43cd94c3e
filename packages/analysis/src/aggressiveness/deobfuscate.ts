/**
 * Undoes the tricks people use to get insults past word filters: l33t digits ("c0nn4rd"), symbols
 * ("b!tch", "$alope"), masks ("f*ck", "p*tain") and spaced letters ("i d i o t", "c.o.n").
 * A rewrite is kept only when it produces a lexicon word, so ordinary numbers and initials survive.
 */
import { foldText } from '../text';
import { lexiconKey, type Lexicon } from './lexicon';

export interface Deobfuscated {
  text: string;
  /** The obfuscated spellings that were rewritten, as written. */
  rewritten: string[];
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'i', '€': 'e' };
const SPACED_LETTERS = /(?<![\p{L}\p{N}])(?:[\p{L}0-9@$*][ .\-_]){2,}[\p{L}0-9@$*](?![\p{L}\p{N}])/gu;
const OBFUSCATION_CHAR = /[0-9@$*!|€]/;
const LETTER = /\p{L}/u;
/** A chunk mixing letters and look-alike symbols; two linear tests, not one backtracking pattern. */
const isSuspicious = (chunk: string): boolean => OBFUSCATION_CHAR.test(chunk) && LETTER.test(chunk);

/**
 * Rewrites obfuscated offensive words into their plain spelling.
 *
 * @example
 * deobfuscate('t\'es un i d i o t, C0NN4RD', lexicon).text // → "t'es un idiot, CoNNaRD" (digits become lower-case letters)
 */
export function deobfuscate(text: string, lexicons: readonly Lexicon[]): Deobfuscated {
  const rewritten: string[] = [];
  const known = (word: string): boolean => lexicons.some((l) => l.has(lexiconKey(word)));
  let out = text.replace(SPACED_LETTERS, (match) => {
    const joined = match.replace(/[ .\-_]/g, '');
    const plain = unleet(joined);
    if (known(plain) || (plain.includes('*') && maskedMatch(plain, lexicons))) {
      rewritten.push(match);
      return plain.includes('*') ? (maskedMatch(plain, lexicons) ?? plain) : plain;
    }
    return match;
  });
  if (!isSuspicious(out)) return { text: out, rewritten };
  out = out.replace(/\S+/g, (chunk) => {
    if (!isSuspicious(chunk) || chunk.startsWith('@') || chunk.includes('://') || chunk.startsWith('#')) return chunk;
    const core = /^([("'«“]*)(.*?)([)"'»”.,;:!?]*)$/u.exec(chunk);
    if (!core) return chunk;
    const [, before = '', middle = '', after = ''] = core;
    if (!/[0-9@$*!|€]/.test(middle) || !/\p{L}/u.test(middle) || /^\p{N}+[.,]?\p{N}*\p{L}{0,2}$/u.test(middle)) return chunk;
    const plain = unleet(middle);
    const replacement = plain.includes('*') ? maskedMatch(plain, lexicons) : known(plain) ? plain : undefined;
    if (replacement === undefined) return chunk;
    rewritten.push(middle);
    return `${before}${replacement}${after}`;
  });
  return { text: out, rewritten };
}

function unleet(word: string): string {
  let out = '';
  for (const c of word) out += LEET[c] ?? c;
  return out;
}

/** "f*ck", "p**ain": each star stands for one or more letters of a single-word entry. */
function maskedMatch(masked: string, lexicons: readonly Lexicon[]): string | undefined {
  const folded = foldText(masked);
  if (folded.replace(/\*/g, '').length < 2) return undefined;
  const pattern = new RegExp(`^${folded.replace(/[^a-z*]/g, '').replace(/\*+/g, '[a-z]{1,3}')}$`);
  for (const lexicon of lexicons) {
    for (const entry of lexicon.values()) {
      if (!entry.term.includes(' ') && entry.category !== 'hostility' && pattern.test(entry.term)) return entry.term;
    }
  }
  return undefined;
}
