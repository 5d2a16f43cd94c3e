/**
 * Ingest → notification latency through the REAL alert worker: SQLite store, mention bus, rollup
 * deltas, episodes and outbox in the database, a signed webhook POST to a receiver on 127.0.0.1.
 * 40 topics × 25 rules (1,000 active rules), two weeks of quiet hourly history per topic; each
 * trial stores a burst of 30 negative mentions on one topic as one ingest batch and publishes it;
 * the latency of a delivery is from publishing the batch to the receiver getting the POST.
 * Run: `npx tsx packages/server/src/workers/alert-latency.bench.ts`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAlertRule, type NewMention, type RollupRow } from '@vigie/core';
import { createTestVigie } from '../test/test-vigie';

const TOPICS = 40;
const RULES_PER_TOPIC = 25;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const received: { at: number; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    received.push({ at: performance.now(), body });
    res.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const t = await createTestVigie();
const { store, alerts, bus, defaultWorkspace } = t.vigie;
const ws = defaultWorkspace.id;
const now = Date.now();
const topicIds: string[] = [];
for (let i = 0; i < TOPICS; i += 1) {
  const topic = await store.topics.create(ws, { name: `Topic ${i}`, kind: 'product', queries: [{ text: `produit${i}` }] });
  topicIds.push(topic.id);
  const history: RollupRow[] = [];
  for (let h = 14 * 24; h >= 1; h -= 1) {
    const bucketStart = new Date(Math.floor(now / 3_600_000) * 3_600_000 - h * 3_600_000).toISOString();
    history.push({ scope: 'topic', scopeId: topic.id, granularity: '1h', bucketStart, count: 1, authors: 1, negative: 0, positive: 0, neutral: 1, reach: 100 });
  }
  await store.rollups.increment(ws, history);
  for (let r = 0; r < RULES_PER_TOPIC; r += 1) {
    await store.alertRules.create(ws, parseAlertRule({ name: `r${i}-${r}`, scope: { kind: 'topic', id: topic.id }, detectors: ['volume_spike', 'negative_surge'], channels: [{ kind: 'webhook', url: `${hookUrl}?r=${i}-${r}`, format: 'generic' }] }));
  }
}
await alerts.start();

const latencies: number[] = [];
const firstPerTrial: number[] = [];
for (let i = 0; i < TOPICS; i += 1) {
  const burst: NewMention[] = Array.from({ length: 30 }, (_, k) => ({
    connector: 'rss', externalId: `t${i}-m${k}`, author: { handle: `user${i}-${k}` }, text: `produit${i} en panne ${k}`, kind: 'post',
    publishedAt: new Date(Date.now() - (20 - Math.floor(k / 2)) * 60_000).toISOString(), engagement: {}, raw: {},
    analysis: { sentiment: { analyzer: 'bench', label: 'negative', score: -0.8 } }, queryIds: [], topicIds: [topicIds[i]!],
  }));
  const { inserted } = await store.mentions.upsertMany(ws, burst);
  const before = received.length;
  const published = performance.now();
  for (const mention of inserted) bus.publish(mention);
  const deadline = published + 30_000;
  while (received.length < before + RULES_PER_TOPIC && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  const got = received.slice(before).map((r) => r.at - published);
  latencies.push(...got);
  if (got.length > 0) firstPerTrial.push(Math.min(...got));
}
await t.close();
receiver.close();
console.log(JSON.stringify({
  rules: TOPICS * RULES_PER_TOPIC,
  trials: TOPICS,
  deliveries: latencies.length,
  expectedDeliveries: TOPICS * RULES_PER_TOPIC,
  firstDeliveryMs: { p50: Math.round(percentile(firstPerTrial, 50)), p95: Math.round(percentile(firstPerTrial, 95)) },
  allDeliveriesMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)) },
}));
