/**
 * Normalisation throughput per connector: recorded page → MentionInput[], in items per second,
 * against a baseline measured in the same run (the page's parse alone: feedsmith for feeds,
 * JSON.parse for JSON APIs). Each connector folder with a `bench-pages.ts` is picked up.
 * Standalone: `npx tsx bench/connectors.bench.ts`.
 */
import { existsSync } from 'node:fs';
import { listConnectors } from '@vigie/connectors';
import type { BenchResult } from './bench-result';

interface BenchPage {
  name: string;
  payload: unknown;
  normalise(payload: unknown): unknown[];
  baseline?: { name: string; run(payload: unknown): unknown };
}

/**
 * Short alternating rounds, median kept: the machine is shared, so both sides are measured under
 * the same load, and one noisy round does not decide the ratio.
 */
const ROUNDS = 5;
const WINDOW_MS = 80;

function rateOnce(work: () => number): number {
  let items = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < WINDOW_MS) {
    items += work();
    elapsed = performance.now() - started;
  }
  return (items / elapsed) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Items per second of `subject` and `baseline`, measured in alternating rounds after a warm-up. */
function compare(subject: () => number, baseline: () => number): { subject: number; baseline: number } {
  for (let i = 0; i < 20; i += 1) {
    subject();
    baseline();
  }
  const subjects: number[] = [];
  const baselines: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    baselines.push(rateOnce(baseline));
    subjects.push(rateOnce(subject));
  }
  return { subject: median(subjects), baseline: median(baselines) };
}

async function pagesOf(id: string): Promise<BenchPage[]> {
  const file = new URL(`../packages/connectors/src/${id}/bench-pages.ts`, import.meta.url);
  if (!existsSync(file)) return [];
  const module = (await import(file.href)) as { benchPages(): BenchPage[] };
  return module.benchPages();
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const connector of listConnectors()) {
    const pages = await pagesOf(connector.id);
    if (pages.length === 0) continue;
    const counts = pages.map((page) => page.normalise(page.payload).length);
    const total = counts.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    const serialised = pages.map((page) => JSON.stringify(page.payload));
    const baselineName = pages[0]?.baseline?.name ?? 'JSON.parse alone';
    const { subject: normalised, baseline } = compare(
      () => {
        let n = 0;
        for (const page of pages) n += page.normalise(page.payload).length;
        return n;
      },
      () => {
        pages.forEach((page, i) => (page.baseline ? page.baseline.run(page.payload) : JSON.parse(serialised[i] ?? 'null')));
        return total;
      },
    );
    results.push({ name: `${connector.id}: baseline, ${baselineName} (${pages.length} pages, ${total} items)`, value: baseline, unit: 'items/s' });
    results.push({
      name: `${connector.id}: normalise payload → MentionInput`,
      value: normalised,
      unit: 'items/s',
      ratio: { against: baselineName, value: normalised / baseline },
    });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await run()) {
    const ratio = result.ratio ? ` (${result.ratio.value.toFixed(2)}× ${result.ratio.against})` : '';
    process.stdout.write(`${result.name}: ${Math.round(result.value).toLocaleString('en-US')} ${result.unit}${ratio}\n`);
  }
}
