/**
 * Last step of the demo generator: sorts drafts by time, gives each a stable id (`demo-<n>`) and
 * a fictional URL in its network's shape, attaches comments to earlier posts, and produces the
 * `MentionInput`s the ingest pipeline takes. `raw` marks every item as demo data and keeps the
 * generator's intent (category, sentiment, episode) as an answer key for analyzers and detectors.
 */
import type { MentionInput } from '@vigie/core';
import type { DraftMention } from './mention-factory';
import { hashSeed } from './seeded-random';

const HOUR_MS = 3_600_000;
/** How far back a comment looks for the post it answers. */
const THREAD_WINDOW_MS = 72 * HOUR_MS;

/** What the demo stores in `raw`, so demo data can be recognised, removed and evaluated. */
export interface DemoRaw {
  demo: true;
  category: string;
  sentiment: 'negative' | 'neutral' | 'positive';
  focus: string;
  episode?: 'crisis' | 'buzz';
  /** externalId of the post this one copies (reposts and near-duplicates). */
  repostOf?: string;
}

interface Placed {
  draft: DraftMention;
  id: string;
  url: string;
  thread?: string;
}

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** A network-looking id (numeric status, base-36 Reddit id, YouTube-style code) derived from the demo id. */
function networkId(id: string, style: 'numeric' | 'base36' | 'code'): string {
  const h = hashSeed(id);
  if (style === 'numeric') return `${113_000_000 + (h % 900_000_000)}${String(hashSeed(id, 7) % 1_000_000).padStart(6, '0')}`;
  if (style === 'base36') return (h % 2_000_000_000).toString(36);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let code = '';
  for (let i = 0; i < 11; i += 1) code += alphabet[hashSeed(id, i) % alphabet.length];
  return code;
}

function urlFor(draft: DraftMention, id: string, thread: string | undefined): string {
  const home = draft.author.home;
  switch (draft.connector) {
    case 'mastodon':
      return `${home}/${networkId(id, 'numeric')}`;
    case 'x':
      return `${home}/status/${networkId(id, 'numeric')}`;
    case 'bluesky':
      return `${home}/post/${networkId(id, 'code').toLowerCase().replace(/[-_]/g, 'k')}`;
    case 'reddit': {
      const sub = `https://reddit.example/r/${draft.lang === 'fr' ? 'velo' : 'ebikes'}/comments`;
      if (thread && draft.kind === 'comment') return `${sub}/${networkId(thread, 'base36')}/_/${networkId(id, 'base36')}`;
      return `${sub}/${networkId(id, 'base36')}/${slugify(draft.title ?? draft.text)}`;
    }
    case 'hackernews':
      return `https://news.example/item?id=${40_000_000 + (hashSeed(id) % 9_000_000)}`;
    case 'youtube':
      if (thread && draft.kind === 'comment') return `https://youtube.example/watch?v=${networkId(thread, 'code')}&lc=${networkId(id, 'code')}`;
      return `https://youtube.example/watch?v=${networkId(id, 'code')}`;
    case 'facebook':
      return `${home}/posts/${networkId(id, 'numeric')}`;
    case 'instagram':
      return `https://instagram.example/p/${networkId(id, 'code')}`;
    default: {
      const date = new Date(draft.at);
      const month = String(date.getUTCMonth() + 1).padStart(2, '0');
      return `${home}/${date.getUTCFullYear()}/${month}/${slugify(draft.title ?? draft.text)}-${hashSeed(id) % 10_000}`;
    }
  }
}

/** The earlier post on the same network and in the same language a comment answers: same subject if possible, recent. */
function findParent(draft: DraftMention, recent: Placed[]): Placed | undefined {
  let fallback: Placed | undefined;
  for (let i = recent.length - 1; i >= 0 && i >= recent.length - 60; i -= 1) {
    const candidate = recent[i];
    if (!candidate || draft.at - candidate.draft.at > THREAD_WINDOW_MS) break;
    if (candidate.draft.repostOf) continue;
    if (candidate.draft.lang !== draft.lang) continue;
    if (candidate.draft.focus === draft.focus) return candidate;
    fallback ??= candidate;
  }
  return fallback;
}

/**
 * What threading remembers between calls: the replay attaches live comments to posts it emitted
 * in earlier calls.
 */
export interface ThreadMemory {
  placed: Map<DraftMention, Placed>;
  recentByConnector: Map<string, Placed[]>;
}

/** @example const memory = createThreadMemory(); toMentionInputs(batch1, idOf, memory); toMentionInputs(batch2, idOf, memory); */
export function createThreadMemory(): ThreadMemory {
  return { placed: new Map(), recentByConnector: new Map() };
}

/**
 * @example
 * const mentions = toMentionInputs(drafts, (n) => `demo-${n}`);
 */
export function toMentionInputs(drafts: DraftMention[], idOf: (index: number, draft: DraftMention) => string, memory = createThreadMemory()): MentionInput[] {
  const order = drafts.map((draft, index) => ({ draft, index })).sort((a, b) => a.draft.at - b.draft.at || a.index - b.index);
  const { placed, recentByConnector } = memory;
  const mentions: MentionInput[] = [];
  order.forEach(({ draft }, n) => {
    const id = idOf(n + 1, draft);
    let parent = draft.parent ? placed.get(draft.parent) : undefined;
    const recent = recentByConnector.get(draft.connector) ?? [];
    if (!parent && draft.wantsParent) {
      parent = findParent(draft, recent);
      if (!parent) {
        // Nothing to answer on this network yet: it becomes a post of its own.
        draft.kind = 'post';
        if (draft.connector === 'reddit' || draft.connector === 'hackernews' || draft.connector === 'youtube') draft.title ??= draft.text.split(/(?<=[.!?])\s/u)[0];
      }
    }
    const thread = parent ? (parent.thread ?? parent.id) : undefined;
    const entry: Placed = { draft, id, url: urlFor(draft, id, thread), thread };
    placed.set(draft, entry);
    recent.push(entry);
    if (recent.length > 200) recent.splice(0, recent.length - 200);
    recentByConnector.set(draft.connector, recent);
    const raw: DemoRaw = { demo: true, category: draft.category, sentiment: draft.sentiment, focus: draft.focus };
    if (draft.episode) raw.episode = draft.episode;
    if (draft.repostOf) raw.repostOf = placed.get(draft.repostOf)?.id;
    const mention: MentionInput = {
      connector: draft.connector,
      externalId: id,
      url: entry.url,
      author: draft.author.author,
      text: draft.text,
      lang: draft.lang,
      publishedAt: new Date(draft.at).toISOString(),
      engagement: draft.engagement,
      kind: draft.kind,
      raw,
    };
    if (draft.title) mention.title = draft.title;
    if (draft.country) mention.country = draft.country;
    if (parent) {
      mention.replyToExternalId = parent.id;
      mention.threadExternalId = entry.thread;
    }
    mentions.push(mention);
  });
  return mentions;
}
