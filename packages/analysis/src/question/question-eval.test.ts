import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitLabelledSet } from './labelled-set';
import { evaluateQuestions, QUESTION_LABELS } from './question-analyzer';

const read = (lang: string) => readFileSync(new URL(`../../eval/questions/${lang}.tsv`, import.meta.url), 'utf8');

describe('question labelled sets', () => {
  it.each(['fr', 'en'])('%s: holds enough examples of every label, with a held-out part', (lang) => {
    const { dev, heldOut } = splitLabelledSet(read(lang), QUESTION_LABELS);
    expect(dev.length + heldOut.length).toBeGreaterThanOrEqual(140);
    expect(heldOut.length).toBeGreaterThanOrEqual(40);
    for (const label of QUESTION_LABELS) expect(heldOut.filter((e) => e.label === label).length).toBeGreaterThanOrEqual(10);
  });

  // A floor well under the measured figures (see the package report): it catches regressions.
  it.each(['fr', 'en'])('%s: keeps its blind rounds apart, held-out last', (lang) => {
    const { sections } = splitLabelledSet(read(lang), QUESTION_LABELS);
    expect(sections.at(-1)?.split).toBe('heldOut');
    expect(sections.filter((s) => s.split === 'heldOut').every((s) => s.examples.length >= 20)).toBe(true);
  });

  it.each(['fr', 'en'])('%s: finds requests and rhetorical questions on the held-out part', (lang) => {
    const { heldOut } = evaluateQuestions(read(lang), lang);
    expect(heldOut.macroF1).toBeGreaterThan(0.75);
    expect(heldOut.perClass.request?.recall).toBeGreaterThan(0.75);
  });
});

describe('splitLabelledSet', () => {
  it('splits at the held-out marker and reports bad lines with their number', () => {
    const set = splitLabelledSet('none\tBonjour\n# --- held-out\nrequest\tÇa marche ?', QUESTION_LABELS);
    expect(set.dev.map((e) => e.label)).toEqual(['none']);
    expect(set.heldOut.map((e) => e.label)).toEqual(['request']);
    expect(set.sections).toEqual([{ title: 'held-out', split: 'heldOut', examples: set.heldOut }]);
    expect(() => splitLabelledSet('maybe\tquoi', QUESTION_LABELS)).toThrowError(expect.objectContaining({ code: 'validation_failed' }));
  });
});
