/**
 * `npm run bench [-- name…]`: runs every benchmark (or the named ones) and prints their figures.
 * Each benchmark measures its own baseline in the same run, so the ratios mean something on a
 * shared, noisy machine where absolute times do not. Each runs in a fresh child process: a heap
 * left by one benchmark (100k stored mentions, say) would otherwise slow the next one.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

const CHILD = '--in-process';
const args = process.argv.slice(2);
if (args[0] === CHILD) {
  const name = args[1] ?? '';
  const results = await (await BENCHES[name]!()).run();
  for (const result of results) process.stdout.write(`${format(result)}\n`);
} else {
  const names = args.length > 0 ? args : Object.keys(BENCHES);
  let failed = false;
  for (const name of names) {
    if (!BENCHES[name]) {
      process.stderr.write(`unknown benchmark "${name}" (known: ${Object.keys(BENCHES).join(', ')})\n`);
      failed = true;
      continue;
    }
    process.stdout.write(`\n## ${name}\n`);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), CHILD, name], { stdio: 'inherit' });
    if (child.status !== 0) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}
