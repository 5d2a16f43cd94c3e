/** Bluesky against the shared connector suite, on a searchPosts source replayed from fixtures. */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import type { RecordedResponse } from '../conformance/fixture-server';
import type { AnyConnector } from '../connector';
import { bluesky } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (name: string): RecordedResponse => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: fixture(name) });
const post = (did: string, rkey: string): string => `at://${did}/app.bsky.feed.post/${rkey}`;
const ALICE = 'did:plc:z72i7hdynmk6r22z27h6tvur';
const BOB = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';
const CAROL = 'did:plc:4llrhdclvdlmmynkwsmg5tdc';

/** As the AppView answers: the first page carries cursor 25, which leads to the next page. */
const byCursor = (request: IncomingMessage): RecordedResponse =>
  new URL(request.url ?? '/', 'http://x').searchParams.get('cursor') === '25' ? json('search-posts-newer.json') : json('search-posts-page1.json');

runConnectorConformance({
  connector: () => bluesky as AnyConnector,
  path: '/xrpc/app.bsky.feed.searchPosts',
  source: (server) => ({ config: { search: 'vigie', baseUrl: server.origin }, state: {} }),
  fixtures: {
    happy: { route: json('search-posts-page1.json'), mentions: 3 },
    empty: json('search-posts-empty.json'),
    malformed: json('search-posts-one-malformed.json'),
    edits: {
      // Bluesky posts cannot be edited: nothing is re-emitted, the new posts are, the reply that disappeared is not.
      before: json('search-posts-page1.json'),
      after: json('search-posts-newer.json'),
      editedIds: [],
      newIds: [post(BOB, '3lbq3aaaaak2e'), post(CAROL, '3lbq39zzzzk2f')],
      deletedIds: [post(BOB, '3lbq2xq7ahk2b'), post(ALICE, '3lbq2ydkhsk2a')],
    },
    pagination: { route: byCursor, mentions: 5, polls: 2 },
    errorBodies: {
      401: { body: fixture('error-expired-token.json'), headers: { 'content-type': 'application/json' } },
      403: { body: fixture('error-invalid-request.json'), headers: { 'content-type': 'application/json' } },
      429: { body: fixture('error-rate-limited.json'), headers: { 'content-type': 'application/json' } },
    },
    reply: {
      routes: {
        '/xrpc/com.atproto.server.createSession': json('create-session.json'),
        '/xrpc/app.bsky.feed.getPosts': json('get-posts-reply.json'),
        '/xrpc/com.atproto.repo.createRecord': json('create-record.json'),
      },
      path: '/xrpc/com.atproto.repo.createRecord',
      account: (server) => ({ identifier: 'vigie.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', service: server.origin }),
      inReplyToExternalId: post(BOB, '3lbq2xq7ahk2b'),
      expected: { externalId: 'at://did:plc:vigieaccount0000000000000/app.bsky.feed.post/3lbq4vigiek2z', url: 'https://bsky.app/profile/vigie.bsky.social/post/3lbq4vigiek2z' },
    },
  },
});
