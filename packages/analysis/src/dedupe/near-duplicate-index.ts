/**
 * Groups reposts, quotes, copy-paste campaigns with small edits and bot-like repetition into
 * clusters, so that volume can be counted as "unique voices" too. MinHash + LSH (banding) finds
 * candidates in constant time per post; each candidate is then verified on the exact shingle sets
 * (Jaccard for edits, containment for quotes), so the LSH only ever costs recall, never precision.
 *
 * One index covers one window of posts (a topic over a day or a week): create a new one per window.
 */
import { AppError } from '@vigie/core';
import { clampText } from '../text';
import { dedupeWords, fnv1a, minhashSignature, overlap, shingleHashes } from './minhash';

export type DuplicateKind = 'repost' | 'quote' | 'near-duplicate';

export interface DuplicateMatch {
  /** The earlier document this one matched. */
  id: string;
  kind: DuplicateKind;
  /** Jaccard similarity of the shingle sets (containment for quotes), 0..1. */
  similarity: number;
}

export interface ClusterSummary {
  /** The id of the first document of the cluster. */
  clusterId: string;
  ids: string[];
  size: number;
  /** Distinct authors, when authors were given; many posts from few authors looks bot-like. */
  authors: number;
}

export interface NearDuplicateOptions {
  /** Minimum Jaccard similarity of word-bigram sets for a near-duplicate (default 0.5). */
  threshold?: number;
  /** Share of the shorter text found in the longer one for a quote (default 0.8). */
  containment?: number;
  /** Hash functions in a signature (default 96), split into bands of `rows` (default 3). */
  numHashes?: number;
  rows?: number;
  /** Texts with fewer words stay alone: "merci !" from two people is not a campaign (default 4). */
  minWords?: number;
  /** Candidates kept per LSH bucket, so that 10 000 identical bot posts stay cheap (default 32). */
  bucketCapacity?: number;
}

export interface NearDuplicateIndex {
  /** Adds a document and returns its cluster id (the id of the cluster's first document). Idempotent per id. */
  add(id: string, text: string, author?: string): string;
  /** Like `add`, and tells which earlier document it matched and how. */
  addWithMatch(id: string, text: string, author?: string): { clusterId: string; match: DuplicateMatch | null };
  clusterOf(id: string): string | undefined;
  /** Clusters, largest first. */
  clusters(): ClusterSummary[];
  /** Documents added. */
  readonly size: number;
  /** Clusters = distinct voices in the window. */
  uniqueVoices(): number;
  /** Work done so far, for capacity planning and complexity tests. */
  stats(): { documents: number; clusters: number; comparisons: number };
}

interface Doc {
  id: string;
  shingles: Uint32Array;
  author?: string;
}

/**
 * @example
 * const index = createNearDuplicateIndex({ threshold: 0.5 });
 * index.add('1', 'Boycott Acme: they test on animals, share this!');
 * index.add('2', 'RT @x: Boycott Acme: they test on animals, share this! https://t.co/a'); // → '1'
 * index.uniqueVoices(); // → 1
 */
export function createNearDuplicateIndex(options: NearDuplicateOptions = {}): NearDuplicateIndex {
  const threshold = options.threshold ?? 0.5;
  const containment = options.containment ?? 0.8;
  const numHashes = options.numHashes ?? 96;
  const rows = options.rows ?? 3;
  const minWords = options.minWords ?? 4;
  const bucketCapacity = options.bucketCapacity ?? 32;
  validate({ threshold, containment, numHashes, rows, minWords, bucketCapacity });
  const bands = Math.floor(numHashes / rows);

  const docs: Doc[] = [];
  const byId = new Map<string, number>();
  const parent: number[] = [];
  const exact = new Map<number, number>();
  const buckets = new Map<number, number[]>();
  let comparisons = 0;

  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    for (let node = i; parent[node] !== root; ) {
      const next = parent[node] as number;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  // The earliest document stays the root, so a cluster keeps the id of its first post.
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const clusterIdOf = (index: number): string => (docs[find(index)] as Doc).id;

  function addWithMatch(id: string, text: string, author?: string): { clusterId: string; match: DuplicateMatch | null } {
    const known = byId.get(id);
    if (known !== undefined) return { clusterId: clusterIdOf(known), match: null };
    const words = dedupeWords(clampText(text));
    const shingles = shingleHashes(words, 2);
    const index = docs.length;
    docs.push({ id, shingles, author });
    byId.set(id, index);
    parent.push(index);
    if (words.length < minWords) return { clusterId: id, match: null };

    const fingerprint = fnv1a(words.join(' '));
    const same = exact.get(fingerprint);
    if (same !== undefined) {
      union(same, index);
      return { clusterId: clusterIdOf(index), match: { id: (docs[same] as Doc).id, kind: 'repost', similarity: 1 } };
    }
    exact.set(fingerprint, index);

    const signature = minhashSignature(shingles, numHashes);
    let best: DuplicateMatch | null = null;
    let bestIndex = -1;
    const checked = new Set<number>();
    for (let band = 0; band < bands; band++) {
      let key = band + 1;
      for (let r = 0; r < rows; r++) key = Math.imul(key ^ (signature[band * rows + r] as number), 0x01000193) >>> 0;
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = [];
        buckets.set(key, bucket);
      }
      for (const candidate of bucket) {
        if (checked.has(candidate)) continue;
        checked.add(candidate);
        comparisons++;
        const found = verify(candidate, shingles);
        if (found && (!best || rank(found) > rank(best))) {
          best = found;
          bestIndex = candidate;
        }
      }
      if (bucket.length < bucketCapacity) bucket.push(index);
    }
    if (best) union(bestIndex, index);
    return { clusterId: clusterIdOf(index), match: best };
  }

  function verify(candidate: number, shingles: Uint32Array): DuplicateMatch | null {
    const other = docs[candidate] as Doc;
    const { jaccard, containment: contained } = overlap(other.shingles, shingles);
    if (jaccard >= threshold) return { id: other.id, kind: 'near-duplicate', similarity: round(jaccard) };
    // A quote adds words around the original (or excerpts it): one text is inside the other.
    if (contained >= containment && Math.min(other.shingles.length, shingles.length) >= minWords - 1) {
      return { id: other.id, kind: 'quote', similarity: round(contained) };
    }
    return null;
  }

  return {
    add: (id, text, author) => addWithMatch(id, text, author).clusterId,
    addWithMatch,
    clusterOf: (id) => {
      const index = byId.get(id);
      return index === undefined ? undefined : clusterIdOf(index);
    },
    clusters: () => {
      const groups = new Map<number, number[]>();
      for (let i = 0; i < docs.length; i++) {
        const root = find(i);
        const group = groups.get(root);
        if (group) group.push(i);
        else groups.set(root, [i]);
      }
      return [...groups.entries()]
        .map(([root, members]) => ({
          clusterId: (docs[root] as Doc).id,
          ids: members.map((m) => (docs[m] as Doc).id),
          size: members.length,
          authors: new Set(members.map((m) => docs[m]?.author).filter((a) => a !== undefined)).size,
        }))
        .sort((a, b) => b.size - a.size);
    },
    get size() {
      return docs.length;
    },
    uniqueVoices: () => {
      let count = 0;
      for (let i = 0; i < docs.length; i++) if (find(i) === i) count++;
      return count;
    },
    stats: () => {
      let clusters = 0;
      for (let i = 0; i < docs.length; i++) if (find(i) === i) clusters++;
      return { documents: docs.length, clusters, comparisons };
    },
  };
}

function validate(options: Required<NearDuplicateOptions>): void {
  const problems: Array<{ field: string; message: string }> = [];
  for (const field of ['threshold', 'containment'] as const) {
    if (!(options[field] > 0 && options[field] <= 1)) problems.push({ field, message: 'expected a number in ]0, 1] / nombre attendu dans ]0, 1]' });
  }
  for (const field of ['numHashes', 'rows', 'minWords', 'bucketCapacity'] as const) {
    if (!Number.isInteger(options[field]) || options[field] < 1) problems.push({ field, message: 'expected a positive integer / entier positif attendu' });
  }
  if (options.rows > options.numHashes) problems.push({ field: 'rows', message: 'rows must not exceed numHashes / rows ne peut dépasser numHashes' });
  if (problems.length > 0) throw new AppError('validation_failed', 'Invalid near-duplicate index options / options invalides', problems);
}

/** An edited copy of the whole text is a closer match than a text that merely contains it. */
function rank(match: DuplicateMatch): number {
  return match.kind === 'quote' ? match.similarity : 1 + match.similarity;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
