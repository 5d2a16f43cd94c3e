import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateAggressiveness } from './aggressive-analyzer';

const read = (lang: string) => readFileSync(new URL(`../../eval/aggressiveness/${lang}.tsv`, import.meta.url), 'utf8');

describe('aggressiveness labelled sets', () => {
  it.each(['fr', 'en'])('%s: holds enough examples of every label, with a held-out part', (lang) => {
    const { all, heldOut } = evaluateAggressiveness(read(lang), lang);
    expect(all.total).toBeGreaterThanOrEqual(140);
    expect(heldOut.total).toBeGreaterThanOrEqual(40);
    for (const label of ['none', 'mild', 'aggressive', 'toxic']) expect(all.perClass[label]?.support).toBeGreaterThanOrEqual(10);
  });

  // Floors well under the measured figures (see the package report): they catch regressions, not tune.
  it.each(['fr', 'en'])('%s: tells hostile posts from the rest on the held-out part', (lang) => {
    const { binary, heldOut } = evaluateAggressiveness(read(lang), lang);
    expect(binary.heldOut.macroF1).toBeGreaterThan(0.8);
    expect(heldOut.macroF1).toBeGreaterThan(0.7);
  });
});
