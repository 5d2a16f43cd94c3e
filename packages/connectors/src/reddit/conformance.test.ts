/** Reddit against the shared connector suite, on r/france replayed from fixtures. */
import { readFileSync } from 'node:fs';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import type { FixtureRoute, RecordedResponse } from '../conformance/fixture-server';
import type { AnyConnector } from '../connector';
import { reddit } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = (body: string): RecordedResponse => ({ status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body });

interface Listing {
  kind: 'Listing';
  data: { after: string | null; children: unknown[] };
}
const listing = (name: string): Listing => JSON.parse(fixture(name)) as Listing;

/** The next poll's page: two new posts, the first post edited, the deleted one gone. */
const after = listing('subreddit-new-page1.json');
after.data.children = [...listing('subreddit-new-newer.json').data.children.slice(0, 2), ...listing('subreddit-new-edited.json').data.children];
after.data.after = null;

/** Successive polls: the listing grows by two posts between them. */
function growing(): FixtureRoute {
  let served = 0;
  return () => {
    served += 1;
    return json(fixture(served === 1 ? 'subreddit-new-page1.json' : 'subreddit-new-newer.json'));
  };
}

runConnectorConformance({
  connector: () => reddit as AnyConnector,
  path: '/r/france/new.json',
  source: (server) => ({ config: { subreddit: 'france', baseUrl: server.origin }, state: {} }),
  fixtures: {
    happy: { route: json(fixture('subreddit-new-page1.json')), mentions: 2 },
    empty: json(fixture('subreddit-new-empty.json')),
    malformed: json(fixture('subreddit-new-one-malformed.json')),
    edits: {
      before: json(fixture('subreddit-new-page1.json')),
      after: json(JSON.stringify(after)),
      editedIds: ['t3_1p6v0e5'],
      newIds: ['t3_1p6w1aa', 't3_1p6w0bb'],
      deletedIds: ['t3_1p6uz9x', 't3_1p6uyk2', 't3_1p6uy0a'],
    },
    pagination: { route: growing(), mentions: 4, polls: 2 },
    errorBodies: {
      403: { body: fixture('error-private.json'), headers: { 'content-type': 'application/json' } },
      429: { body: fixture('error-too-many-requests.json'), headers: { 'content-type': 'application/json' } },
    },
  },
});
