/**
 * Alerting costs, measured against baselines of the same run (the machine is shared):
 * - rollup maintenance per ingested mention (rollup alone, and the whole engine intake: rollups,
 *   a day of raw points, term counts) against the ingest's own per-mention work: query matching
 *   (the percolator over the demo topics) and, when its models load, the analysis pipeline;
 * - live latency with 1,000 active rules on 200 topics with 30 days of history: from a mention
 *   being ingested to its notification being delivered to a webhook receiver on 127.0.0.1
 *   (engine intake → evaluation → outbox → signed HTTP POST), p50 / p95; and the evaluation time
 *   per ingested mention when nothing fires.
 * Standalone: `npx tsx bench/alerts.bench.ts`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAnalysisPipeline } from '@vigie/analysis';
import { createAlertEngine, createQueryMatcher, createRollup, DETECTOR_KINDS, parseAlertRule, SENSITIVITIES, type AlertPoint, type AlertRule, mulberry32 } from '@vigie/core';
import { createMemoryOutbox, createOutboxWorker, createWebhookChannel, outboxEntriesFor } from '../packages/server/src/notify';
import type { BenchResult } from './bench-result';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WORDS = ['velo', 'batterie', 'livraison', 'service', 'prix', 'magasin', 'essai', 'autonomie', 'cadre', 'selle', 'freins', 'garantie'];


let serial = 0;
function makePoint(rng: () => number, topic: string, at: number, text?: string): AlertPoint {
  serial += 1;
  const roll = rng();
  const terms = [WORDS[Math.floor(rng() * WORDS.length)] ?? 'velo', WORDS[Math.floor(rng() * WORDS.length)] ?? 'prix'];
  return {
    externalId: `b${serial}`, topicIds: [topic], queryIds: [`${topic}/q0`], publishedAt: new Date(at).toISOString(),
    authorHandle: `@u${Math.floor(rng() * 100_000)}`, sentiment: roll < 0.2 ? 'negative' : roll < 0.5 ? 'positive' : 'neutral',
    reach: Math.round(rng() * 3000), terms, text: text ?? `Mon ${terms[0]} Velotys et le ${terms[1]}`,
  };
}

function cpuMs(fn: () => void): number {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function intakeCosts(): BenchResult[] {
  const rng = mulberry32(1);
  const start = Date.parse('2026-10-01T00:00:00Z');
  const points = Array.from({ length: 20_000 }, (_, i) => makePoint(rng, `t${i % 6}`, start + i * 60_000));
  const matcher = createQueryMatcher();
  ['Velotys OR #velotys', '"Velotys Ondine" OR Ondine', 'Baroude', 'Roulix', 'Kinetta', '#RouleMaVille OR "Roule ma ville"'].forEach((q, i) => matcher.set(`q${i}`, q));
  for (const p of points.slice(0, 2000)) matcher.match({ text: p.text ?? '' }); // warm-up
  const matchMs = cpuMs(() => {
    for (const p of points) matcher.match({ text: p.text ?? '' });
  });
  const rollupMs = cpuMs(() => {
    const rollup = createRollup({ timeZone: 'Europe/Paris' });
    for (const p of points) rollup.addPoint(p);
  });
  const engineMs = cpuMs(() => {
    const engine = createAlertEngine({ rules: [], timeZone: 'Europe/Paris' });
    for (const p of points) engine.addPoint(p);
  });
  const per = (ms: number) => (ms * 1000) / points.length;
  const results: BenchResult[] = [
    { name: 'alerts: rollup maintenance per mention (2 scopes × 3 granularities)', value: per(rollupMs), unit: 'cpu-µs', ratio: { against: 'query matching of the same mention', value: rollupMs / matchMs } },
    { name: 'alerts: engine intake per mention (rollups + raw points + terms)', value: per(engineMs), unit: 'cpu-µs', ratio: { against: 'query matching of the same mention', value: engineMs / matchMs } },
    { name: 'alerts: baseline — query matching per mention (6 demo queries)', value: per(matchMs), unit: 'cpu-µs' },
  ];
  try {
    const pipeline = createAnalysisPipeline();
    const sample = points.slice(0, 2000);
    const analysisMs = cpuMs(() => {
      for (const p of sample) pipeline.analyze({ text: p.text ?? '' });
    });
    const perAnalysis = analysisMs / sample.length;
    results.push({ name: 'alerts: baseline — analysis pipeline per mention', value: perAnalysis * 1000, unit: 'cpu-µs' });
    results[0] = { ...results[0], ratio: { against: 'analysis of the same mention', value: per(rollupMs) / 1000 / perAnalysis } } as BenchResult;
    results[1] = { ...results[1], ratio: { against: 'analysis of the same mention', value: per(engineMs) / 1000 / perAnalysis } } as BenchResult;
  } catch (error) {
    process.stderr.write(`analysis pipeline unavailable, ratios against query matching only: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  return results;
}

async function liveLatency(): Promise<BenchResult[]> {
  const rng = mulberry32(2);
  const topics = Array.from({ length: 200 }, (_, i) => `t${i}`);
  const rules: AlertRule[] = Array.from({ length: 1000 }, (_, i) =>
    parseAlertRule({
      id: `r${i}`, name: `rule ${i}`, scope: { kind: i % 2 === 0 ? 'topic' : 'query', id: i % 2 === 0 ? topics[i % 200] : `${topics[i % 200]}/q0` },
      detectors: DETECTOR_KINDS.filter((_, d) => d === 0 || (i + d) % 3 !== 0), sensitivity: SENSITIVITIES[i % 3],
      channels: [{ kind: 'webhook', url: 'http://127.0.0.1/hook', format: (['slack', 'mattermost', 'teams', 'generic'] as const)[i % 4] }],
    }),
  );
  const end = Date.parse('2026-11-20T00:00:00Z');
  const engine = createAlertEngine({ rules, timeZone: 'Europe/Paris', historyStartMs: end - 30 * DAY });
  // 30 days of ordinary chatter: about one mention per topic per hour.
  for (let hour = end - 30 * DAY; hour < end; hour += HOUR) {
    for (const topic of topics) if (rng() < 0.8) engine.addPoint(makePoint(rng, topic, hour + Math.floor(rng() * HOUR)));
  }
  engine.evaluate(end);

  let received = 0;
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(200).end();
      waiters.shift()?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const store = createMemoryOutbox();
  const worker = createOutboxWorker({ store, channels: [createWebhookChannel({ allowPrivate: true, timeoutMs: 5_000 })] });
  const rulesById = new Map(rules.map((r) => [r.id, { ...r, channels: [{ kind: 'webhook' as const, url, format: 'slack' as const }] }]));

  const quiet: number[] = [];
  const delivered: number[] = [];
  let now = end;
  // 20 bursts on 20 topics, one mention every 20 s; each mention is ingested and evaluated at once.
  for (let burst = 0; burst < 20; burst += 1) {
    const topic = topics[burst * 7] ?? 't0';
    now += 2 * HOUR;
    for (let i = 0; i < 25; i += 1) {
      now += 20_000;
      const point = makePoint(rng, topic, now, 'Velotys batterie en feu, rappel ?');
      const started = performance.now();
      engine.addPoint(point);
      const events = engine.evaluate(now + 100);
      if (events.length === 0) {
        quiet.push(performance.now() - started);
        continue;
      }
      const entries = events.flatMap((event) => {
        const rule = rulesById.get(event.episode.ruleId);
        return rule ? outboxEntriesFor(event, rule, { workspaceId: 'w', now: Date.now() }) : [];
      });
      await store.enqueue(entries);
      const target = received + entries.length;
      const all = new Promise<void>((resolve) => {
        const check = () => (received >= target ? resolve() : waiters.push(check));
        check();
      });
      await worker.runOnce(Date.now());
      await all;
      delivered.push(performance.now() - started);
    }
  }
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return [
    { name: 'alerts: live, ingest → webhook delivered, p95 (1,000 rules, 200 topics)', value: percentile(delivered, 95), unit: 'ms' },
    { name: 'alerts: live, ingest → webhook delivered, p50', value: percentile(delivered, 50), unit: 'ms' },
    { name: 'alerts: live, notifications delivered in the run', value: received, unit: 'webhooks' },
    { name: 'alerts: live, ingest + evaluation when nothing fires, p95', value: percentile(quiet, 95), unit: 'ms' },
    { name: 'alerts: live, ingest + evaluation when nothing fires, p50', value: percentile(quiet, 50), unit: 'ms' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  return [...intakeCosts(), ...(await liveLatency())];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await run()) {
    const ratio = result.ratio ? `  (${result.ratio.value.toFixed(2)}× ${result.ratio.against})` : '';
    console.log(`${result.name.padEnd(72)} ${result.value.toFixed(result.value >= 100 ? 0 : 2).padStart(10)} ${result.unit}${ratio}`);
  }
}
