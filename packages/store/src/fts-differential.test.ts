/**
 * Differential test: the same generated corpus in SQLite (FTS5) and PostgreSQL (tsvector), the
 * same random FtsPlans on both, and a plain-TypeScript reference evaluator; all three must agree
 * on which mentions match. This is what keeps the two fts-query.ts files honest with each other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FtsPlan, Store } from '@vigie/core';
import { at, makeMention } from './cases/mention-factory';
import { createStore } from './create-store';
import { createTestDatabase, isPostgresSkipped } from './postgres/test-database';
import { mulberry32 } from '@vigie/core';

// Accented words on purpose; no ligatures (œ): unaccent folds them to "oe", FTS5 does not.
const TEXT_WORDS = (
  'école français été noël garçon forêt hôpital réseau marque produit client service qualité prix ' +
  'livraison retard panne merci bravo question réponse avis problème vigie great launch support à où déjà naïve élève'
).split(' ');
// Titles draw from other words so that no phrase can straddle title and text (PostgreSQL's
// concatenated tsvector would allow it, FTS5 columns would not; the contract allows a superset).
const TITLE_WORDS = 'titre annonce nouvelle alerte bilan résumé dépêche'.split(' ');

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const tokensOf = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];


interface Doc {
  id: string;
  title?: string;
  text: string;
}

function generateCorpus(random: () => number, size: number): Doc[] {
  const pick = (words: string[]) => words[Math.floor(random() * words.length)] as string;
  return Array.from({ length: size }, (_, i) => {
    const text = Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(TEXT_WORDS));
    // Some capitals, so case folding is exercised too.
    if (random() < 0.3) text[0] = (text[0] as string).toUpperCase();
    const title = random() < 0.4 ? `${pick(TITLE_WORDS)} ${pick(TITLE_WORDS)}` : undefined;
    return { id: `d${i}`, title, text: text.join(' ') };
  });
}

function generatePlan(random: () => number, corpus: Doc[], depth: number): FtsPlan {
  const roll = random();
  if (depth === 0 || roll < 0.35) {
    const words = [...TEXT_WORDS, ...TITLE_WORDS];
    const word = fold(words[Math.floor(random() * words.length)] as string);
    if (random() < 0.25 && word.length > 3) return { kind: 'term', value: word.slice(0, 2 + Math.floor(random() * 2)), prefix: true };
    return { kind: 'term', value: word };
  }
  if (roll < 0.5) {
    // A phrase taken from a real document half the time, so phrases do match sometimes.
    const doc = corpus[Math.floor(random() * corpus.length)] as Doc;
    const tokens = tokensOf(doc.text);
    const start = Math.floor(random() * Math.max(1, tokens.length - 1));
    const fromDoc = tokens.slice(start, start + 2);
    const words = random() < 0.5 && fromDoc.length === 2 ? fromDoc : [fold(TEXT_WORDS[0] as string), fold(TEXT_WORDS[1] as string)];
    return { kind: 'phrase', words };
  }
  const items = Array.from({ length: 2 + Math.floor(random() * 2) }, () => generatePlan(random, corpus, depth - 1));
  if (roll < 0.75) return { kind: 'or', items };
  // The contract: `not` only inside an `and` that keeps a positive item.
  const negated = random() < 0.5 ? [{ kind: 'not' as const, item: generatePlan(random, corpus, depth - 1) }] : [];
  return { kind: 'and', items: [...items, ...negated] };
}

function matches(plan: FtsPlan, fields: string[][]): boolean {
  switch (plan.kind) {
    case 'term':
      return fields.some((tokens) => tokens.some((t) => (plan.prefix ? t.startsWith(plan.value) : t === plan.value)));
    case 'phrase':
      return fields.some((tokens) => tokens.some((_, i) => plan.words.every((w, j) => tokens[i + j] === w)));
    case 'and':
      return plan.items.every((item) => (item.kind === 'not' ? !matches(item.item, fields) : matches(item, fields)));
    case 'or':
      return plan.items.some((item) => matches(item, fields));
    case 'not':
      return !matches(plan.item, fields);
  }
}

async function matchingIds(store: Store, workspaceId: string, plan: FtsPlan): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.mentions.searchPlan(workspaceId, plan, {}, { limit: 500, cursor });
    ids.push(...page.items.map((m) => m.externalId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids.sort();
}

const describeBoth = isPostgresSkipped() ? describe.skip : describe;

// Skipped only when the run is explicitly told to leave PostgreSQL out (VIGIE_TEST_SKIP_PG=1).
describeBoth('full-text plans agree on SQLite, PostgreSQL and a reference evaluator', () => {
  const random = mulberry32(20261126);
  const corpus = generateCorpus(random, 400);
  const stores: { name: string; store: Store; workspaceId: string }[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  let failure: unknown;

  // Errors are kept for the test to throw: an unreachable PostgreSQL then counts as a failed test.
  beforeAll(async () => {
    try {
      await openBoth();
    } catch (error) {
      failure = error;
    }
  });

  async function openBoth(): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-diff-'));
    const sqlite = await createStore({ kind: 'sqlite', file: join(dir, 'diff.db') });
    cleanups.push(async () => {
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const database = await createTestDatabase();
    const postgres = await createStore({ kind: 'postgres', url: database.url });
    cleanups.push(async () => {
      await postgres.close();
      await database.drop();
    });
    for (const [name, store] of [['sqlite', sqlite], ['postgres', postgres]] as const) {
      const ws = await store.workspaces.create({ name: 'Diff', slug: 'diff' });
      await store.mentions.upsertMany(
        ws.id,
        corpus.map((doc, i) => makeMention({ externalId: doc.id, title: doc.title, text: doc.text, publishedAt: at(i) })),
      );
      stores.push({ name, store, workspaceId: ws.id });
    }
  }

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('returns the same mentions for 120 random plans', async () => {
    if (failure) throw failure;
    const fields = new Map(corpus.map((doc) => [doc.id, [tokensOf(doc.title ?? ''), tokensOf(doc.text)]]));
    let nonEmpty = 0;
    for (let i = 0; i < 120; i += 1) {
      const plan = generatePlan(random, corpus, 3);
      const expected = corpus.filter((doc) => matches(plan, fields.get(doc.id) ?? [])).map((doc) => doc.id).sort();
      if (expected.length > 0 && expected.length < corpus.length) nonEmpty += 1;
      for (const { name, store, workspaceId } of stores) {
        const actual = await matchingIds(store, workspaceId, plan);
        expect({ engine: name, plan, ids: actual }).toEqual({ engine: name, plan, ids: expected });
      }
    }
    // Guard against a vacuous run where every plan matches nothing or everything.
    expect(nonEmpty).toBeGreaterThan(60);
  });
});
