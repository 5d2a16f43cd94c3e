/**
 * The percolator against its baselines, in the same run, on generated posts and queries:
 * - the straightforward evaluator (every query on every post; the differential test's reference),
 * - a raw Aho-Corasick scan of every query word over each folded post (no evaluation at all),
 * - the percolator (`compileQueries` → `match`), tokenising and folding each post included,
 * with 2,000 and 20,000 queries; plus compile time and heap for 20,000 queries.
 * Rates are posts per CPU-second of this process (the machine is shared; see analysis.bench.ts).
 * Standalone: `npx tsx bench/query.bench.ts`.
 */
import { compileQueries, evaluateQuery, foldText, parseQuery, tokenizeDocument, type MatchableDocument, type QueryAst } from '@vigie/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchResult } from './bench-result';

/** Posts the percolator and the raw scan read (the naive evaluator reads a prefix of them). */
const POSTS = 100_000;
const VOCABULARY = 40_000;

/** mulberry32: a small deterministic generator, so every run measures the same inputs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ma', 'ri', 'to', 'vé', 'lu', 'ca', 'ne', 'po', 'sa', 'di', 'gé', 'bo', 'fa', 'ku', 'lé', 'mo', 'tra', 'cho', 'pi', 'ra', 'zo', 'què', 'vi', 'ge'];

const STOP_WORDS = ['le', 'la', 'de', 'et', 'un', 'the', 'and', 'of', 'est', 'pour', 'avec', 'is', 'to', 'ce', 'pas'];

/**
 * Pseudo-words, French-looking, some with accents; index = frequency rank. As in real languages
 * (Zipf's law of abbreviation), frequent words tend to be shorter: sorted by length plus noise.
 */
function vocabulary(next: () => number): string[] {
  const words = new Set<string>(STOP_WORDS);
  while (words.size < VOCABULARY) {
    const n = 1 + Math.floor(next() * 4);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    words.add(w);
  }
  const ranked = [...words].slice(STOP_WORDS.length).map((w) => ({ w, key: w.length + next() * 4 }));
  ranked.sort((a, b) => a.key - b.key);
  return [...STOP_WORDS, ...ranked.map((r) => r.w)];
}

/** Zipf-like rank: frequent words often, the long tail sometimes. */
function zipf(next: () => number): number {
  return Math.min(VOCABULARY - 1, Math.floor(Math.exp(next() * Math.log(VOCABULARY)) - 1));
}

function makePosts(words: string[], next: () => number, count: number): MatchableDocument[] {
  const posts: MatchableDocument[] = [];
  for (let p = 0; p < count; p++) {
    const length = 12 + Math.floor(next() * 20);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      const word = words[zipf(next)] as string;
      const r = next();
      parts.push(r < 0.03 ? `#${word}` : r < 0.05 ? `@${word}` : r < 0.1 ? `l'${word}` : r < 0.15 ? `${word[0]?.toUpperCase()}${word.slice(1)},` : word);
    }
    posts.push({ text: parts.join(' '), lang: next() < 0.6 ? 'fr' : 'en' });
  }
  return posts;
}

/** Brand-style queries over mid-frequency words, in the shapes users write. */
function makeQueries(words: string[], next: () => number, count: number): { id: string; query: string }[] {
  const brand = () => words[200 + Math.floor(next() * (VOCABULARY - 200))] as string;
  const common = () => words[Math.floor(next() * 200)] as string;
  const shapes = [
    () => brand(),
    () => `${brand()} OR "${brand()} ${brand()}"`,
    () => `(${brand()} OR ${brand()}) AND (${common()} OR ${brand()}) -${brand()}`,
    () => `"${brand()} ${common()}" NEAR/5 ${brand()}`,
    () => `${brand()}* -"${common()} ${brand()}"`,
    () => `#${brand()} OR @${brand()}`,
    () => `${brand()} lang:fr -${common()}`,
    () => `${brand()} ${brand()} ${brand()}`,
  ];
  return Array.from({ length: count }, (_, i) => ({ id: `q${i}`, query: (shapes[i % shapes.length] as () => string)() }));
}

function cpuSeconds(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

/** The words of every leaf, for the raw scan. */
function wordsOf(ast: QueryAst, out: string[]): void {
  switch (ast.type) {
    case 'term': out.push(ast.value); return;
    case 'phrase': ast.words.forEach((w) => out.push(w.value)); return;
    case 'wildcard': out.push(ast.pattern.replace('*', '')); return;
    case 'raw': case 'keyword': return;
    case 'field': case 'not': wordsOf(ast.item, out); return;
    case 'near': wordsOf(ast.left, out); wordsOf(ast.right, out); return;
    case 'and': case 'or': ast.items.forEach((i) => wordsOf(i, out));
  }
}

/** A plain Aho-Corasick automaton over UTF-16 code units; `scan` counts occurrences. */
function ahoCorasick(patterns: string[]): (text: string) => number {
  const next: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const out: number[] = [0];
  for (const p of patterns) {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let t = (next[s] as Map<number, number>).get(c);
      if (t === undefined) {
        t = next.length;
        next.push(new Map());
        fail.push(0);
        out.push(0);
        (next[s] as Map<number, number>).set(c, t);
      }
      s = t;
    }
    out[s] = (out[s] as number) + 1;
  }
  const queue: number[] = [...(next[0] as Map<number, number>).values()];
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    for (const [c, t] of next[s] as Map<number, number>) {
      let f = fail[s] as number;
      while (f !== 0 && !(next[f] as Map<number, number>).has(c)) f = fail[f] as number;
      const g = (next[f] as Map<number, number>).get(c);
      fail[t] = g !== undefined && g !== t ? g : 0;
      out[t] = (out[t] as number) + (out[fail[t] as number] as number);
      queue.push(t);
    }
  }
  return (text) => {
    let s = 0;
    let hits = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let t = (next[s] as Map<number, number>).get(c);
      while (t === undefined && s !== 0) {
        s = fail[s] as number;
        t = (next[s] as Map<number, number>).get(c);
      }
      s = t ?? 0;
      hits += out[s] as number;
    }
    return hits;
  };
}

function measure(queryCount: number, posts: MatchableDocument[], words: string[], naivePosts: number): BenchResult[] {
  const queries = makeQueries(words, random(queryCount), queryCount);
  const label = queryCount.toLocaleString('en-US');
  const { matcher, failed } = compileQueries(queries);
  if (failed.length > 0) throw new Error(`${failed.length} generated queries do not parse`);

  // The percolator first: it should not run in a heap shaped by the baselines' garbage.
  for (const post of posts.slice(0, 2000)) matcher.match(post);
  let matched = 0;
  const matchCpu = cpuSeconds(() => {
    for (const post of posts) matched += matcher.match(post).length;
  });
  const matchRate = posts.length / matchCpu;

  const asts = queries.map((q) => parseQuery(q.query));
  let naiveMatches = 0;
  const naiveCpu = cpuSeconds(() => {
    for (const post of posts.slice(0, naivePosts)) {
      const tokens = tokenizeDocument(post);
      for (const ast of asts) if (evaluateQuery(ast, tokens)) naiveMatches++;
    }
  });
  const naiveRate = naivePosts / naiveCpu;

  const terms: string[] = [];
  for (const ast of asts) wordsOf(ast, terms);
  const scan = ahoCorasick([...new Set(terms)]);
  for (const post of posts.slice(0, 2000)) scan(foldText(post.text));
  let hits = 0;
  const scanCpu = cpuSeconds(() => {
    for (const post of posts) hits += scan(foldText(post.text));
  });
  const scanRate = posts.length / scanCpu;

  // Same answers as the straightforward evaluator on its sample.
  let sampleMatches = 0;
  for (const post of posts.slice(0, naivePosts)) sampleMatches += matcher.match(post).length;
  if (sampleMatches !== naiveMatches) throw new Error(`percolator found ${sampleMatches} matches, the evaluator ${naiveMatches}`);

  return [
    { name: `query: straightforward evaluator, ${label} queries (${naivePosts} posts)`, value: naiveRate, unit: 'posts/cpu-s' },
    { name: `query: raw Aho-Corasick scan of all query words, ${label} queries`, value: scanRate, unit: 'posts/cpu-s' },
    { name: `query: percolator, ${label} queries`, value: matchRate, unit: 'posts/cpu-s', ratio: { against: 'straightforward evaluator', value: matchRate / naiveRate } },
    { name: `query: percolator / raw scan, ${label} queries`, value: matchRate / scanRate, unit: '×', ratio: { against: 'raw scan', value: matchRate / scanRate } },
    { name: `query: matches per post, ${label} queries (scan hits ${(hits / posts.length).toFixed(1)})`, value: matched / posts.length, unit: 'matches' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const next = random(2026);
  const words = vocabulary(next);
  const posts = makePosts(words, next, POSTS);
  const results = [...measure(2_000, posts, words, 400), ...measure(20_000, posts, words, 40)];

  const queries = makeQueries(words, random(99), 20_000);
  // A full collection before and after, so the heap difference is what the matcher holds.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = process.cpuUsage();
  const compiled = compileQueries(queries);
  const used = process.cpuUsage(started);
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  if (compiled.matcher.size() !== queries.length) throw new Error('not every query compiled');
  results.push({ name: 'query: compile 20,000 queries', value: (used.user + used.system) / 1000, unit: 'cpu-ms' });
  results.push({ name: 'query: compile 20,000 queries (wall clock, shared machine)', value: compiled.compileMs, unit: 'ms' });
  results.push({ name: 'query: heap held by 20,000 compiled queries', value: (heapAfter - heapBefore) / 1e6, unit: 'MB' });
  results.push({ name: 'query: posts read by the percolator and the raw scan', value: POSTS, unit: 'posts' });
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await run()) {
    const ratio = result.ratio ? `  (${result.ratio.value.toFixed(2)}× ${result.ratio.against})` : '';
    console.log(`${result.name.padEnd(72)} ${result.value.toFixed(result.value >= 100 ? 0 : 2).padStart(10)} ${result.unit}${ratio}`);
  }
}
