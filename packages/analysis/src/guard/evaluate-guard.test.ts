import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateRespondSet } from '../respond/evaluate-respond';
import { evaluateGuardSet, parseGuardExample } from './evaluate-guard';

const read = (kind: 'guard' | 'respond', lang: 'fr' | 'en'): string => readFileSync(new URL(`../../eval/${kind}/${lang}.tsv`, import.meta.url), 'utf8');

describe('evaluation sets and harness', () => {
  it('parses reply_to and draft, with "-" for none and \\n escapes', () => {
    expect(parseGuardExample('Vous livrez ?\tOui !\\nBonne journée')).toEqual({ replyTo: 'Vous livrez ?', draft: 'Oui !\nBonne journée' });
    expect(parseGuardExample('-\tNouvelle collection')).toEqual({ draft: 'Nouvelle collection' });
  });

  it('holds at least 150 drafts and 300 messages, each with a held-out part', () => {
    const guard = (['fr', 'en'] as const).map((lang) => evaluateGuardSet(read('guard', lang), lang));
    const respond = (['fr', 'en'] as const).map((lang) => evaluateRespondSet(read('respond', lang), lang));
    expect(guard.reduce((n, r) => n + r.dev.total + r.heldOut.total, 0)).toBeGreaterThanOrEqual(150);
    expect(respond.reduce((n, r) => n + r.dev.total + r.heldOut.total, 0)).toBeGreaterThanOrEqual(300);
    for (const r of [...guard, ...respond]) expect(r.heldOut.total).toBeGreaterThanOrEqual(20);
  });

  // Floors a little under the held-out figures at the last commit (docs/reply-guard.md § Measured: round 1,
  // seen by now, plus the final blind round 4): a rule change that loses ground fails here. They are
  // regression guards, not quality claims; the blind figures in the docs are the claims.
  it('keeps the guard above its measured floor, hold recall first', () => {
    for (const lang of ['fr', 'en'] as const) {
      const { dev, heldOut } = evaluateGuardSet(read('guard', lang), lang);
      expect(heldOut.perClass.hold?.recall).toBeGreaterThanOrEqual(0.85);
      expect(heldOut.macroF1).toBeGreaterThanOrEqual(0.85);
      expect(dev.macroF1).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('keeps the respond recommendation above its measured floor, escalations first', () => {
    for (const lang of ['fr', 'en'] as const) {
      const { dev, heldOut } = evaluateRespondSet(read('respond', lang), lang);
      expect(heldOut.perClass.escalate?.recall).toBeGreaterThanOrEqual(0.75);
      expect(heldOut.perClass.escalate?.precision).toBeGreaterThanOrEqual(0.95);
      expect(heldOut.macroF1).toBeGreaterThanOrEqual(0.8);
      expect(dev.macroF1).toBeGreaterThanOrEqual(0.9);
    }
  });
});
