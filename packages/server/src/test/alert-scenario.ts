/**
 * What alert tests share: a local webhook receiver, and the demo crisis in small — two weeks of
 * quiet, then a burst of negative mentions through the bus until the outbox has delivered.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NewMention, RollupRow } from '@vigie/core';
import type { TestVigie } from './test-vigie';

export interface WebhookReceiver {
  url: string;
  /** Each request's raw body and headers, in arrival order. */
  received: { body: string; headers: IncomingHttpHeaders }[];
  server: Server;
}

/** A webhook receiver on 127.0.0.1 answering `status` to every request. The caller closes `server`. */
export async function startWebhookReceiver(status = 200): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

/**
 * Two weeks of quiet history for `topic` (about one neutral mention an hour before 2026-11-17
 * 08:00Z), then 30 negative mentions in the 25 minutes before `now`, published on the bus; returns
 * once the alert worker has evaluated them and the outbox has delivered.
 */
export async function burstOfNegativeMentions(t: TestVigie, topic: string, now: Date): Promise<void> {
  const { store, alerts, bus, defaultWorkspace } = t.vigie;
  const history: RollupRow[] = [];
  for (let h = 14 * 24; h >= 1; h -= 1) {
    const bucketStart = new Date(Date.parse('2026-11-17T08:00:00Z') - h * 3_600_000).toISOString();
    history.push({ scope: 'topic', scopeId: topic, granularity: '1h', bucketStart, count: 1, authors: 1, negative: 0, positive: 0, neutral: 1, reach: 100 });
  }
  await store.rollups.increment(defaultWorkspace.id, history);
  await alerts.start();
  const burst: NewMention[] = Array.from({ length: 30 }, (_, i) => ({
    connector: 'rss', externalId: `burst-${i}`, author: { handle: `user${i}`, followers: 200 }, text: `Ma Ondine a pris feu, batterie en cause ${i}`,
    kind: 'post', publishedAt: new Date(now.getTime() - (25 - Math.floor(i / 2)) * 60_000).toISOString(), engagement: { reposts: i === 0 ? 40 : 0 }, raw: {},
    analysis: { sentiment: { analyzer: 'test@1', label: 'negative', score: -0.8 } }, queryIds: [], topicIds: [topic],
  }));
  const { inserted } = await store.mentions.upsertMany(defaultWorkspace.id, burst);
  for (const mention of inserted) bus.publish(mention);
  await alerts.idle();
  await alerts.deliver();
}
