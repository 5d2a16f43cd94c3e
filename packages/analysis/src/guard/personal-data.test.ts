import { describe, expect, it } from 'vitest';
import { detectPersonalData, isValidCardNumber, isValidIban } from './personal-data';

const kinds = (text: string, pattern?: RegExp): string[] => detectPersonalData(text, pattern ? { referencePattern: pattern } : {}).map((m) => m.kind);

describe('IBAN', () => {
  it('accepts valid keys and rejects a wrong check digit', () => {
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 189')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(isValidIban('GB83 WEST 1234 5698 7654 32')).toBe(false);
    expect(isValidIban('hello')).toBe(false);
  });

  it('reports a valid IBAN in a text, and not an invalid one as an IBAN', () => {
    expect(kinds('Virement sur FR76 3000 6000 0112 3456 7890 189 hier')).toEqual(['iban']);
    expect(kinds('Virement sur FR76 3000 6000 0112 3456 7890 188 hier')).not.toContain('iban');
  });
});

describe('card numbers', () => {
  it('uses Luhn', () => {
    expect(isValidCardNumber('4532 0151 1283 0366')).toBe(true);
    expect(isValidCardNumber('4970-1012-3456-7893')).toBe(true);
    expect(isValidCardNumber('4532 0151 1283 0367')).toBe(false);
    expect(isValidCardNumber('0000 0000 0000 0000')).toBe(false);
  });

  it('reports a valid card in a text and ignores an invalid one', () => {
    expect(kinds('Payé avec la carte 4532 0151 1283 0366.')).toEqual(['card']);
    expect(kinds('Payé avec la carte 4532 0151 1283 0367.')).not.toContain('card');
  });
});

describe('e-mails, phones and references', () => {
  it('finds e-mail addresses', () => {
    expect(kinds('Écrivez à jean.martin@boutique-exemple.fr')).toEqual(['email']);
  });

  it('finds French and international phone numbers', () => {
    expect(kinds('Appelez le 06 12 34 56 78')).toEqual(['phone']);
    expect(kinds('Appelez le 01.44.55.66.77')).toEqual(['phone']);
    expect(kinds('Appelez le +33 1 44 55 66 77')).toEqual(['phone']);
    expect(kinds('Call +44 20 7946 0958 or (415) 555-0199')).toEqual(['phone', 'phone']);
  });

  it('finds order and account numbers after a keyword, and lets a workspace set its own pattern', () => {
    expect(kinds('Votre commande CMD-458712 est bloquée')).toEqual(['reference']);
    expect(kinds('Your account no. 00458796321 is suspended')).toEqual(['reference']);
    expect(kinds('My order #458712 is late')).toEqual(['reference']);
    expect(kinds('Ticket ZX99-1234-AB', /\bZX\d{2}-\d{4}-[A-Z]{2}\b/g)).toEqual(['reference']);
  });

  it('leaves ordinary figures alone', () => {
    expect(kinds('Ce manteau existe du 34 au 48, livré en 3 à 5 jours, pour 59,90 €.')).toEqual([]);
    expect(kinds('Ouvert de 9 h à 19 h, le 25 décembre 2026 excepté.')).toEqual([]);
  });

  it('never throws on odd input', () => {
    expect(detectPersonalData(undefined as unknown as string)).toEqual([]);
    expect(detectPersonalData('9'.repeat(200_000)).length).toBeLessThan(50_000);
  });
});
