/**
 * Personal data in a draft: e-mail addresses, phone numbers (French and international), IBANs
 * (checked with the ISO 13616 mod-97 key), payment card numbers (checked with Luhn) and order or
 * account numbers. A public reply that repeats them exposes the customer: the guard holds it and
 * suggests moving the conversation to private messages.
 */

export type PersonalDataKind = 'email' | 'phone' | 'iban' | 'card' | 'reference';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** The text as written. */
  text: string;
  /** Offsets in the input, in UTF-16 code units. */
  start: number;
  end: number;
}

export interface PersonalDataOptions {
  /**
   * Order or account numbers of this workspace, e.g. `/\bCMD-\d{6}\b/g` (must be global). Replaces
   * the default: a keyword (commande, order, compte, account, dossier, case, n°, #…) followed by a
   * reference holding at least five digits.
   */
  referencePattern?: RegExp;
}

const MAX_SEARCHED_CHARS = 20_000;

/** The lookbehind and the 64-character bound keep a long run of digits linear. */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Two letters, two check digits, then 11 to 30 letters or digits, optionally in groups of four. */
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g;
/** 13 to 19 digits, possibly grouped by spaces or dashes. */
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
/** International (+33 …, +1 (415) …, 0033 …), French national (06 12 34 56 78) and North American ((415) 555-0199). */
const PHONE = /(?:\+|\b00)\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,5}\b|\b0[1-9](?:[ .-]?\d{2}){4}\b|\b0\d{4}[ ]?\d{6}\b|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}\b|\b\d{3}[.-]\d{3}[.-]\d{4}\b/g;
const DEFAULT_REFERENCE =
  /(?:\b(?:commande|command|cmd|order|ord|dossier|case|ticket|compte|account|contrat|contract|client|customer|suivi|tracking|facture|invoice|ref|réf|référence|reference)\b\.?|\bn°|\bno\.|#)\s*(?:n°|no\.?|number|numéro|num)?\s*:?\s*((?:[A-Z]{2,5}-?)?\d[\dA-Z-]{3,}\d)\b|\b(?:numero|numéro|number|n°)\s+(?:de\s+)?(?:client|customer|compte|account|commande|order)\s*(?:est le|is|:)?\s*(\d{5,})\b|\b(?:CMD|ORD|ORDER|REF|INV|FAC)-\d{4,}\b/giu;

/**
 * Finds personal data. Later kinds never overlap earlier ones (an IBAN is not also read as a phone).
 * Never throws.
 *
 * @example
 * detectPersonalData('Écrivez à jean@exemple.fr ou au 06 12 34 56 78').map((m) => m.kind)
 * // → ['email', 'phone']
 */
export function detectPersonalData(input: string, options: PersonalDataOptions = {}): PersonalDataMatch[] {
  if (typeof input !== 'string' || input.length === 0) return [];
  // A reply is short: past this many characters only the head is searched (offsets stay valid).
  const text = input.length > MAX_SEARCHED_CHARS ? input.slice(0, MAX_SEARCHED_CHARS) : input;
  const found: PersonalDataMatch[] = [];
  const free = (start: number, end: number): boolean => found.every((m) => end <= m.start || start >= m.end);
  const collect = (kind: PersonalDataKind, pattern: RegExp, accept: (value: string) => boolean, ...groups: number[]): void => {
    for (const match of text.matchAll(pattern)) {
      const value = groups.map((g) => match[g]).find((v) => v !== undefined) ?? match[0];
      const start = (match.index ?? 0) + match[0].indexOf(value);
      const end = start + value.length;
      if (accept(value) && free(start, end)) found.push({ kind, text: value, start, end });
    }
  };
  collect('email', EMAIL, () => true);
  collect('iban', IBAN, isValidIban);
  collect('card', CARD, (value) => isValidCardNumber(value));
  const reference = options.referencePattern ?? DEFAULT_REFERENCE;
  collect('reference', reference.global ? reference : new RegExp(reference.source, `${reference.flags}g`), (value) => /\d{4,}|(?:\d\D?){5,}/.test(value), 1, 2);
  collect('phone', PHONE, (value) => {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 9 && digits <= 15;
  });
  return found.sort((a, b) => a.start - b.start);
}

/**
 * ISO 13616 check: country letters and check digits moved to the end, letters as 10…35, mod 97 = 1.
 *
 * @example
 * isValidIban('GB82 WEST 1234 5698 7654 32') // → true
 * isValidIban('GB82 WEST 1234 5698 7654 33') // → false
 */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * Luhn check on 13 to 19 digits (spaces and dashes ignored).
 *
 * @example
 * isValidCardNumber('4532 0151 1283 0366') // → true
 * isValidCardNumber('4532 0151 1283 0367') // → false
 */
export function isValidCardNumber(value: string): boolean {
  const digits = value.replace(/[ -]/g, '');
  if (!/^\d{13,19}$/.test(digits) || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
