/**
 * Prints the demo backtest the way `vigie alerts backtest --json` will: an array of
 * `{ topic, kind, startedAt, detectedAt, explanation }`, then (on stderr) the score against the
 * generator's answer key. Run: `npx tsx packages/server/src/alerts-backtest/print-demo-backtest.ts [now-ISO]`.
 */
import { runDemoBacktest } from './demo-backtest';

const now = new Date(process.argv[2] ?? '2026-11-26T04:00:00Z');
const result = runDemoBacktest(now);
const json = result.episodes.map(({ topic, kind, startedAt, detectedAt, explanation }) => ({ topic, kind, startedAt, detectedAt, explanation: explanation.en }));
process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
for (const hit of result.hits) {
  process.stderr.write(`${hit.planted.kind} on ${hit.planted.topic} (onset ${hit.planted.startedAt}): ${hit.found ? `detected after ${hit.delayMin} min` : 'MISSED'}\n`);
}
process.stderr.write(`false episodes: ${result.falseEpisodes.length}${result.falseEpisodes.map((e) => `\n  ${e.topic} ${e.kind} ${e.detectedAt}: ${e.details.changes.map((c) => c.en).join('; ')}`).join('')}\n`);
process.stderr.write(`sentiment from: ${result.sentimentSource}; points: ${result.points}\n`);
