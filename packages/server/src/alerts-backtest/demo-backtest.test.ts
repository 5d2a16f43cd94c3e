import { describe, expect, it } from 'vitest';
import { runDemoBacktest } from './demo-backtest';

describe('demo backtest (issue 7 acceptance)', () => {
  // One run shared by the assertions: generating, matching and replaying the month takes ~20 s here.
  const result = runDemoBacktest(new Date('2026-11-26T04:00:00Z'));

  it('detects the crisis and the buzz on their topics, with the right kind, within 30 minutes of onset', () => {
    for (const hit of result.hits) {
      expect(hit.found, `${hit.planted.kind} on ${hit.planted.topic}`).toBeDefined();
      expect(hit.delayMin).toBeLessThanOrEqual(30);
    }
    expect(result.hits.map((h) => h.planted.kind).sort()).toEqual(['buzz', 'crisis']);
  });

  it('opens at most 2 false episodes over the 30 days', () => {
    expect(result.falseEpisodes.length).toBeLessThanOrEqual(2);
  });

  it('explains the crisis with its terms, the witness post and a negative shift', () => {
    const crisis = result.hits.find((h) => h.planted.kind === 'crisis')?.found;
    expect(crisis?.details.sentiment.during.negative).toBeGreaterThan(crisis?.details.sentiment.before.negative ?? 1);
    expect(crisis?.details.topTerms.map((t) => t.term)).toContain('batterie');
    expect(crisis?.explanation.fr).toMatch(/^Crise sur « Velotys Ondine »/);
    expect(crisis?.explanation.en).toMatch(/^Crisis on "Velotys Ondine"/);
    expect(crisis?.details.sparkline.length).toBeGreaterThan(10);
  });
}, 120_000);
