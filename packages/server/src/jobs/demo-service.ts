import type { ConnectorId, Ingest, MentionInput, QueryIndex, Store } from '@vigie/core';
import type { Logger } from '../logger';
import { DEMO_BRAND, DEMO_TOPICS } from '../demo/demo-workspace';
import { demoOfficial } from '../demo/demo-authors';
import type { OwnAccount } from '../services/inbox-service';
import { generateDemoMentions } from '../demo/generate-demo';
import { createDemoReplay } from '../demo/demo-replay';

/** What the settings table remembers about the demo, so a restart neither re-seeds nor forgets. */
export interface DemoState {
  status: 'seeded' | 'removed';
  sourceId?: string;
  topicIds: string[];
  seededAt?: string;
}

const KEY = 'demo';
const BATCH = 1_000;

/** Networks where the demo brand answers; its accounts there are "our own accounts" in the inbox. */
const DEMO_NETWORKS: ConnectorId[] = ['mastodon', 'bluesky', 'x', 'facebook', 'instagram', 'youtube', 'reddit', 'hackernews', 'linkedin'];

/** Velotys's own handles per network, as the demo data writes them (`@velotys@<instance>`, `velotys.bsky.example`…). */
export function demoOwnAccounts(): OwnAccount[] {
  return DEMO_NETWORKS.map((connector) => ({ connector, handle: demoOfficial(DEMO_BRAND.brand.handle, DEMO_BRAND.brand.name, connector).author.handle }));
}

export interface DemoServiceDeps {
  store: Store;
  ingest: Ingest;
  queryIndex: QueryIndex;
  log: Logger;
  now(): Date;
  workspaceId: string;
  /** Milliseconds between two live demo mentions (replay). */
  replayEveryMs?: number;
  /** The inbox's own accounts: the demo brand's handles are set on seeding (when none are) and taken away on removal. */
  inbox?: { ownAccounts(workspaceId: string): Promise<OwnAccount[]>; setOwnAccounts(workspaceId: string, accounts: OwnAccount[]): Promise<unknown> };
}

/**
 * The demo workspace: a fictional French brand seeded on first start, a replay that keeps the
 * stream moving, and a clean removal that leaves the user's own topics and sources alone.
 */
export function createDemoService(deps: DemoServiceDeps) {
  let replayTimer: NodeJS.Timeout | undefined;

  async function state(): Promise<DemoState | undefined> {
    return deps.store.settings.get<DemoState>(deps.workspaceId, KEY);
  }

  async function ingestAll(sourceId: string, mentions: MentionInput[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < mentions.length; i += BATCH) {
      inserted += (await deps.ingest(deps.workspaceId, mentions.slice(i, i + BATCH), { sourceId })).inserted;
    }
    return inserted;
  }

  /** Seeds the demo once, only into an empty workspace that never had it. */
  async function seedIfFirstStart(): Promise<boolean> {
    if (await state()) return false;
    const [topics, sources] = await Promise.all([deps.store.topics.list(deps.workspaceId), deps.store.sources.list(deps.workspaceId)]);
    if (topics.length > 0 || sources.length > 0) return false;
    return seed();
  }

  async function seed(): Promise<boolean> {
    const source = await deps.store.sources.create(deps.workspaceId, {
      connector: 'demo',
      name: 'Démo / Demo',
      config: {},
      pollIntervalSec: 86_400,
      enabled: false,
    });
    const topicIds: string[] = [];
    for (const definition of DEMO_TOPICS) {
      const topic = await deps.store.topics.create(deps.workspaceId, definition);
      topicIds.push(topic.id);
      for (const query of topic.queries) deps.queryIndex.set({ ...query, topicExclusions: topic.exclusions });
    }
    // Before the mentions: the brand's own answers must not enter the inbox, replies to them must.
    if (deps.inbox && (await deps.inbox.ownAccounts(deps.workspaceId)).length === 0) await deps.inbox.setOwnAccounts(deps.workspaceId, demoOwnAccounts());
    const { mentions } = generateDemoMentions({ now: deps.now() });
    const inserted = await ingestAll(source.id, mentions);
    await deps.store.settings.set(deps.workspaceId, KEY, { status: 'seeded', sourceId: source.id, topicIds, seededAt: deps.now().toISOString() } satisfies DemoState);
    deps.log.info({ inserted, topics: topicIds.length }, 'demo workspace seeded');
    return true;
  }

  function startReplay(): void {
    if (replayTimer) return;
    const replay = createDemoReplay({ seed: 7, now: deps.now });
    replayTimer = setInterval(() => {
      void (async () => {
        const current = await state();
        if (current?.status !== 'seeded' || !current.sourceId) return;
        await deps.ingest(deps.workspaceId, replay.next(1), { sourceId: current.sourceId });
      })().catch((error: unknown) => deps.log.warn({ err: error }, 'demo replay failed'));
    }, deps.replayEveryMs ?? 8_000);
    replayTimer.unref();
  }

  function stopReplay(): void {
    if (replayTimer) clearInterval(replayTimer);
    replayTimer = undefined;
  }

  /** Removes every demo mention, their inbox conversations, topic and the demo source; the user's own data stays. */
  async function remove(): Promise<{ mentions: number; topics: number; conversations: number }> {
    stopReplay();
    const current = await state();
    if (current?.status !== 'seeded') return { mentions: 0, topics: 0, conversations: 0 };
    let mentions = 0;
    if (current.sourceId) {
      mentions = await deps.store.mentions.deleteBySource(deps.workspaceId, current.sourceId);
      await deps.store.sources.delete(deps.workspaceId, current.sourceId);
    }
    // Threads left with no message (all were the demo's) go, with their notes, drafts and audit.
    const conversations = await deps.store.conversations.deleteEmpty(deps.workspaceId);
    if (deps.inbox) {
      const demoHandles = new Set(demoOwnAccounts().map((a) => `${a.connector}:${a.handle}`));
      const own = await deps.inbox.ownAccounts(deps.workspaceId);
      await deps.inbox.setOwnAccounts(deps.workspaceId, own.filter((a) => !demoHandles.has(`${a.connector}:${a.handle}`)));
    }
    for (const topicId of current.topicIds) {
      const topic = await deps.store.topics.get(deps.workspaceId, topicId);
      for (const query of topic?.queries ?? []) deps.queryIndex.delete(query.id);
      await deps.store.topics.delete(deps.workspaceId, topicId);
    }
    await deps.store.settings.set(deps.workspaceId, KEY, { status: 'removed', topicIds: [] } satisfies DemoState);
    return { mentions, topics: current.topicIds.length, conversations };
  }

  return {
    state,
    seed,
    seedIfFirstStart,
    startReplay,
    stopReplay,
    remove,
    get replaying(): boolean {
      return replayTimer !== undefined;
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
