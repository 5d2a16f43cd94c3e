/**
 * `npm run bench [-- name…]`: runs every benchmark (or the named ones) one after the other and
 * prints their figures. Each benchmark measures its own baseline in the same run, so the ratios
 * mean something on a shared, noisy machine where absolute times do not.
 */
import type { BenchResult } from './bench-result';

const BENCHES: Record<string, () => Promise<{ run(): Promise<BenchResult[]> }>> = {
  ingest: () => import('./ingest.bench'),
  query: () => import('./query.bench'),
  analysis: () => import('./analysis.bench'),
  connectors: () => import('./connectors.bench'),
  alerts: () => import('./alerts.bench'),
  inbox: () => import('./inbox.bench'),
};

function format(result: BenchResult): string {
  const value = result.value >= 100 ? Math.round(result.value).toLocaleString('en-US') : result.value.toFixed(2);
  const ratio = result.ratio ? `  (${result.ratio.value.toFixed(2)}× ${result.ratio.against})` : '';
  return `  ${result.name.padEnd(58)} ${value.padStart(12)} ${result.unit}${ratio}`;
}

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
let failed = false;
for (const name of names) {
  const load = BENCHES[name];
  if (!load) {
    process.stderr.write(`unknown benchmark "${name}" (known: ${Object.keys(BENCHES).join(', ')})\n`);
    failed = true;
    continue;
  }
  process.stdout.write(`\n## ${name}\n`);
  const results = await (await load()).run();
  for (const result of results) process.stdout.write(`${format(result)}\n`);
}
process.exitCode = failed ? 1 : 0;
