/**
 * The inbox at scale, measured against baselines of the same run (the machine is shared):
 * - the list API (`GET /api/conversations`, in-process through the real Hono app) for each view
 *   and for a second page, on 100,000 open conversations in SQLite, p50 / p95, against the
 *   cheapest API round trip of the same app (`GET /api/health`);
 * - triage of one incoming mention into its conversation (should-we-respond, priority, due date
 *   in business hours, upsert) against the analysis pipeline the ingest already runs on it.
 * Standalone: `npx tsx bench/inbox.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mention } from '@vigie/core';
import { createApp, createLogger, createVigie, loadConfig } from '@vigie/server';
import { openSqliteDatabase } from '../packages/store/src/sqlite/open-database';
import { createOwnerToken } from '../packages/server/src/test/test-vigie';
import type { BenchResult } from './bench-result';

const CONVERSATIONS = 100_000;
const REQUESTS = 60;
const CONNECTORS = ['mastodon', 'bluesky', 'x', 'facebook', 'instagram', 'reddit'];
const NOW = Date.parse('2026-11-25T15:00:00.000Z');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Writes the conversations straight into the database: the bench measures reads, not setup. */
async function seed(file: string, workspaceId: string): Promise<void> {
  const { db } = openSqliteDatabase(file);
  const reason = JSON.stringify([{ code: 'unanswered_question', message: 'Unanswered question', messageFr: 'Question sans réponse' }]);
  const recommendation = JSON.stringify({ action: 'reply', reasons: [], priority: 40, priorityReasons: [] });
  await db.transaction().execute(async (trx) => {
    const rows = [];
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      const at = new Date(NOW - (i % 10_000) * 60_000).toISOString();
      rows.push({
        id: `c${String(i).padStart(7, '0')}`, workspace_id: workspaceId, key: `${CONNECTORS[i % 6]}:${i}`, connector: CONNECTORS[i % 6]!, entry: i % 3 === 0 ? 'question' : 'negative_reach',
        status: i % 10 === 0 ? 'assigned' : 'open', lane: 'active', priority: (i * 7919) % 101, reasons: reason, recommendation, assignee: i % 10 === 0 ? `member${i % 7}` : null,
        tags: '[]', snoozed_until: null, topic_id: null, last_author: `@user${i}`, preview: 'Bonjour, est-ce que vous livrez en Belgique ?', last_mention_id: `m${i}`,
        url: null, mention_count: 1, first_mention_at: at, first_response_at: null, due_at: new Date(Date.parse(at) + ((i % 5) - 2) * 3_600_000).toISOString(), last_activity_at: at,
      });
      if (rows.length === 1000) await trx.insertInto('conversations').values(rows.splice(0)).execute();
    }
    if (rows.length > 0) await trx.insertInto('conversations').values(rows).execute();
  });
  await db.destroy();
}

export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-bench-inbox-'));
  try {
    const config = loadConfig({}, { dataDir, demo: false, worker: false, logLevel: 'silent' });
    const vigie = await createVigie(config, { log: createLogger('silent'), now: () => new Date(NOW) });
    const ws = vigie.defaultWorkspace.id;
    await seed(join(dataDir, 'vigie.db'), ws);
    const app = createApp(vigie);
    // Every request is authenticated as a real client's would be (the gate's lookup is part of the cost).
    const headers = { authorization: `Bearer ${await createOwnerToken(vigie)}` };
    const time = async (path: string): Promise<{ p50: number; p95: number; body: { nextCursor?: string | null } }> => {
      let body = {};
      for (let i = 0; i < 5; i += 1) await (await app.request(path, { headers })).text(); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < REQUESTS; i += 1) {
        const started = performance.now();
        const response = await app.request(path, { headers });
        body = JSON.parse(await response.text()) as object;
        samples.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      }
      return { p50: percentile(samples, 50), p95: percentile(samples, 95), body };
    };
    const results: BenchResult[] = [];
    const health = await time('/api/health');
    results.push({ name: 'baseline: GET /api/health p50', value: health.p50, unit: 'ms' });
    const first = await time('/api/conversations?view=open&limit=50');
    const paths: [string, string][] = [
      ['open, first page of 50', '/api/conversations?view=open&limit=50'],
      ['open, second page (cursor)', `/api/conversations?view=open&limit=50&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`],
      ['overdue', '/api/conversations?view=overdue&limit=50'],
      ['unanswered', '/api/conversations?view=unanswered&limit=50'],
      ['mine', '/api/conversations?view=mine&member=member3&limit=50'],
      ['focus/next', '/api/focus/next'],
      ['inbox/stats (queue by band, clear time)', '/api/inbox/stats'],
    ];
    for (const [label, path] of paths) {
      const t = await time(path);
      results.push({ name: `${label} (100k open) p50`, value: t.p50, unit: 'ms', ratio: { against: 'health', value: t.p50 / health.p50 } });
      results.push({ name: `${label} (100k open) p95`, value: t.p95, unit: 'ms' });
    }

    // Triage: the same mentions through the analysis (baseline) and through the inbox.
    const texts = ['Bonjour, est-ce que vous livrez en Belgique ?', 'Ma commande n’est toujours pas arrivée, c’est inadmissible !', 'Is the London store open on Sunday?', 'Vous êtes des voleurs, honte à vous'];
    const inputs = Array.from({ length: 400 }, (_, i) => ({ text: `${texts[i % texts.length]} (${i})`, lang: i % 4 === 2 ? 'en' : 'fr' }));
    for (const input of inputs.slice(0, 20)) vigie.analysis.analyze(input); // warm-up (models load)
    let started = performance.now();
    const analyses = inputs.map((input) => vigie.analysis.analyze(input));
    const analysisMs = (performance.now() - started) / inputs.length;
    const { inserted } = await vigie.store.mentions.upsertMany(ws, inputs.map((input, i) => ({
      connector: 'mastodon' as const, externalId: `bench-${i}`, url: `https://piaille.fr/@a/${i}`, author: { handle: `@a${i}@piaille.fr`, followers: 20_000 }, text: input.text, lang: input.lang,
      kind: 'post' as const, publishedAt: new Date(NOW - 3 * 3_600_000).toISOString(), engagement: {}, raw: {}, analysis: analyses[i]!, queryIds: [], topicIds: [],
    })));
    started = performance.now();
    for (const mention of inserted as Mention[]) await vigie.inbox.ingest(mention);
    const triageMs = (performance.now() - started) / inserted.length;
    results.push({ name: 'baseline: analysis pipeline per mention', value: analysisMs, unit: 'ms' });
    results.push({ name: 'inbox triage + conversation upsert per mention', value: triageMs, unit: 'ms', ratio: { against: 'analysis', value: triageMs / analysisMs } });
    await vigie.close();
    return results;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) process.stdout.write(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.ratio ? ` (${r.ratio.value.toFixed(2)}× ${r.ratio.against})` : ''}\n`);
}
