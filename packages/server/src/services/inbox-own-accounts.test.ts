import { afterEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '@vigie/core';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { createInboxService, MAX_OWN_POST_IDS } from './inbox-service';

const NOW = new Date('2026-11-25T15:00:00.000Z');

function mention(externalId: string, handle: string, text: string, extra: Partial<MentionInput> = {}): MentionInput {
  return { connector: 'mastodon', externalId, url: `https://mastodon.social/@x/${externalId}`, author: { handle, followers: 50 }, text, lang: 'fr', kind: 'post', publishedAt: '2026-11-25T09:00:00.000Z', engagement: {}, raw: {}, ...extra };
}

describe('our own accounts and posts in the inbox', () => {
  let t: TestVigie | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('keeps our own posts out, and lets replies to them in as replies to our posts', async () => {
    t = await createTestVigie({}, () => NOW);
    const ws = t.vigie.defaultWorkspace.id;
    const saved = await t.call('PUT', '/api/inbox/own-accounts', { items: [{ connector: 'mastodon', handle: '@Velotys@mastodon.social' }, { connector: 'bluesky', handle: 'velotys.bsky.social' }, { connector: 'mastodon', handle: 'velotys@mastodon.social' }] });
    expect(saved.json.items).toEqual([{ connector: 'mastodon', handle: '@Velotys@mastodon.social' }, { connector: 'bluesky', handle: 'velotys.bsky.social' }]);
    expect((await t.call('PUT', '/api/inbox/own-accounts', { items: [{ connector: 'myspace', handle: 'x' }] })).status).toBe(400);

    t.vigie.inboxWorker.start();
    await t.vigie.ingest(ws, [
      // Our own question to the community would otherwise enter as a question.
      mention('own-1', '@velotys@mastodon.social', 'Quelle couleur voulez-vous pour la prochaine Ondine ?'),
      // The same handle on another network is somebody else.
      mention('other-1', '@velotys@mastodon.social', 'Est-ce que vous livrez en Belgique ?', { connector: 'bluesky' }),
    ]);
    await t.vigie.inboxWorker.idle();
    await t.vigie.ingest(ws, [mention('reply-1', '@jeanne@piaille.fr', 'Le vert sapin, clairement.', { kind: 'reply', replyToExternalId: 'own-1', threadExternalId: 'own-1' })]);
    await t.vigie.inboxWorker.idle();

    const items = (await t.call('GET', '/api/conversations')).json.items as { key: string; entry: string; lastAuthor: string }[];
    expect(items.map((i) => [i.key, i.entry]).sort()).toEqual([['bluesky:other-1', 'question'], ['mastodon:own-1', 'own_post_reply']]);
    expect(items.find((i) => i.key === 'mastodon:own-1')?.lastAuthor).toBe('@jeanne@piaille.fr');
    expect(await t.vigie.inbox.ownPostIds(ws)).toEqual(['own-1']);
  });

  it('remembers a bounded number of our posts, the newest, across restarts of the service', async () => {
    t = await createTestVigie({}, () => NOW);
    const ws = t.vigie.defaultWorkspace.id;
    for (let i = 0; i < MAX_OWN_POST_IDS + 3; i += 1) await t.vigie.inbox.recordOwnPost(ws, 'mastodon', `p${i}`);
    // A new service (a restart) reads them back from the database.
    const stored = await createInboxService({ store: t.vigie.store, now: () => NOW }).ownPostIds(ws);
    expect(stored).toHaveLength(MAX_OWN_POST_IDS);
    expect(stored?.[0]).toBe('p3');
    expect(stored?.at(-1)).toBe(`p${MAX_OWN_POST_IDS + 2}`);
  }, 60_000);
});
