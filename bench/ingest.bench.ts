/**
 * Ingest benchmark: 100k generated mentions stored in batches of 1 000 through the store's
 * `upsertMany` into a fresh SQLite file, with FTS5 indexing kept in sync by triggers. Baseline of
 * the same run: the same rows through the same code into a database whose FTS triggers were
 * dropped, so the ratio is the price of full-text indexing. Standalone: `npx tsx bench/ingest.bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import type { NewMention } from '@vigie/core';
import { migrateToLatest } from '../packages/store/src/migrations/migrate-to-latest';
import { createMentionRepository } from '../packages/store/src/repositories/mention-repository';
import { createTopicRepository } from '../packages/store/src/repositories/topic-repository';
import { createWorkspaceRepository } from '../packages/store/src/repositories/workspace-repository';
import { openSqliteDatabase } from '../packages/store/src/sqlite/open-database';
import type { BenchResult } from './bench-result';
import { mulberry32 } from '@vigie/core';

const MENTIONS = 100_000;
const BATCH = 1_000;
const WORDS = (
  'vigie école français été noël garçon forêt hôpital réseau marque produit client service qualité prix ' +
  'livraison retard panne merci bravo question réponse campagne concurrent avis problème support ' +
  'great product support delivery late broken thanks awesome price quality brand launch update team ' +
  'the a le la les de des un une et and or pour for avec with sans without très very'
).split(' ');


function generate(count: number, queryId: string, topicId: string): NewMention[] {
  const random = mulberry32(42);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)] as string;
  const sentence = (length: number) => Array.from({ length }, pick).join(' ');
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  return Array.from({ length: count }, (_, index) => ({
    connector: index % 3 === 0 ? 'mastodon' : 'rss',
    externalId: `bench-${index}`,
    url: `https://example.org/p/${index}`,
    author: { handle: `@user${index % 5_000}`, name: `User ${index % 5_000}`, followers: index % 10_000 },
    ...(index % 4 === 0 && { title: sentence(6) }),
    text: sentence(15 + Math.floor(random() * 25)),
    lang: index % 2 === 0 ? 'fr' : 'en',
    publishedAt: new Date(start + index * 60_000).toISOString(),
    engagement: { likes: index % 50, reposts: index % 7 },
    kind: 'post',
    raw: { id: index },
    analysis: { sentiment: { analyzer: 'bench@1', label: index % 3 === 0 ? 'negative' : 'positive', score: 0.1 } },
    queryIds: index % 2 === 0 ? [queryId] : [],
    topicIds: index % 2 === 0 ? [topicId] : [],
  }));
}

interface Rate {
  /** Mentions per second of wall-clock time: what a user waits. */
  perSecond: number;
  /** Mentions per second of this process's CPU time: stable when other work shares the cores. */
  perCpuSecond: number;
}

async function measure(withFts: boolean, count: number): Promise<Rate> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  const { db, dialect } = openSqliteDatabase(join(dir, 'bench.db'));
  try {
    await migrateToLatest(db, dialect);
    if (!withFts) {
      for (const trigger of ['mentions_fts_insert', 'mentions_fts_delete', 'mentions_fts_update']) {
        await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
      }
    }
    const workspace = await createWorkspaceRepository(db, dialect).create({ name: 'Bench', slug: 'bench' });
    const topic = await createTopicRepository(db, dialect).create(workspace.id, { name: 'T', kind: 'brand', queries: [{ text: 'vigie' }] });
    const mentions = generate(count, topic.queries[0]?.id as string, topic.id);
    const repository = createMentionRepository(db, dialect);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (let start = 0; start < mentions.length; start += BATCH) {
      await repository.upsertMany(workspace.id, mentions.slice(start, start + BATCH));
    }
    const seconds = (performance.now() - started) / 1_000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1_000_000;
    const stored = await repository.count(workspace.id, {});
    if (stored !== count) throw new Error(`expected ${count} stored mentions, found ${stored}`);
    return { perSecond: count / seconds, perCpuSecond: count / cpuSeconds };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(count = MENTIONS): Promise<BenchResult[]> {
  const withoutFts = await measure(false, count);
  const withFts = await measure(true, count);
  const label = `upsertMany ${count.toLocaleString('en-US')} mentions, SQLite + FTS5, batches of ${BATCH}`;
  return [
    {
      name: label,
      value: withFts.perSecond,
      unit: 'mentions/s',
      ratio: { against: 'same without FTS', value: withFts.perSecond / withoutFts.perSecond },
    },
    { name: 'same without FTS (baseline)', value: withoutFts.perSecond, unit: 'mentions/s' },
    // Wall-clock rates drop when other processes take the cores; CPU-time rates show the cost itself.
    {
      name: `${label}, per CPU-second`,
      value: withFts.perCpuSecond,
      unit: 'mentions/CPU-s',
      ratio: { against: 'same without FTS', value: withFts.perCpuSecond / withoutFts.perCpuSecond },
    },
    { name: 'same without FTS (baseline), per CPU-second', value: withoutFts.perCpuSecond, unit: 'mentions/CPU-s' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await run()) {
    const ratio = result.ratio ? `  (${result.ratio.value.toFixed(2)}× ${result.ratio.against})` : '';
    process.stdout.write(`${result.name}: ${Math.round(result.value).toLocaleString('en-US')} ${result.unit}${ratio}\n`);
  }
}
