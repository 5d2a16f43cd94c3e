import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MentionInput } from '@vigie/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext, PollResult } from '../connector';
import { ConnectorError } from '../connector-error';
import { runConnectorConformance } from '../conformance/run-connector-conformance';
import { startFixtureServer, type FixtureServer, type RecordedResponse } from '../conformance/fixture-server';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { runPoll } from '../run-poll';
import { rss } from './index';

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, 'fixtures', name));
const RSS_TYPE = 'application/rss+xml; charset=UTF-8';
const served = (name: string, type = RSS_TYPE, headers: Record<string, string> = {}): RecordedResponse => ({
  status: 200,
  headers: { 'content-type': type, ...headers },
  body: fixture(name),
});

runConnectorConformance({
  connector: () => rss,
  path: '/feed/',
  source: (server) => ({ config: { url: server.url('/feed/') }, state: {} }),
  fixtures: {
    happy: { route: served('wordpress-rss2.xml'), mentions: 3 },
    empty: served('empty-rss2.xml'),
    malformed: served('invalid.xml', 'application/xml'),
    edits: {
      before: served('wordpress-rss2.xml'),
      after: served('wordpress-rss2-updated.xml'),
      editedIds: ['https://brulerie.example.fr/?p=1287'],
      newIds: ['https://brulerie.example.fr/?p=1301'],
      deletedIds: ['https://brulerie.example.fr/?p=1279'],
    },
    pagination: { skip: 'feeds show their latest items on one document; RFC 5005 paged/archived feeds are not followed (README.md)' },
  },
});

let server: FixtureServer;
let http: HttpClient;
const logs: string[] = [];
const ctx = (): ConnectorContext => ({
  http,
  signal: new AbortController().signal,
  now: () => new Date('2026-11-26T12:00:00Z'),
  log: (level, message) => {
    logs.push(`${level}: ${message}`);
  },
});

async function pollPath(path: string, state: Record<string, unknown> = {}): Promise<PollResult> {
  const poll = rss.capabilities.poll;
  if (poll === undefined) throw new Error('rss must poll');
  return poll.fetch(ctx(), { config: { url: server.url(path) }, state });
}

async function pollError(path: string): Promise<ConnectorError> {
  const error = await pollPath(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const byId = (mentions: MentionInput[], id: string): MentionInput | undefined => mentions.find((m) => m.externalId === id);

beforeAll(async () => {
  server = await startFixtureServer({
    '/wordpress': served('wordpress-rss2.xml'),
    '/atom': served('atom-blog.xml', 'application/atom+xml'),
    '/rdf': served('rdf-rss1.xml', 'application/rdf+xml'),
    '/json': served('json-feed-1.1.json', 'application/feed+json'),
    '/alerts': served('google-alerts.xml', 'application/atom+xml; charset=utf-8'),
    '/youtube': served('youtube-channel.xml', 'text/xml; charset=UTF-8'),
    '/cp1252': served('windows-1252.xml', 'application/rss+xml; charset=windows-1252'),
    '/latin1-prolog': served('iso-8859-1-prolog.xml', 'application/xml'),
    '/latin1-lying-header': served('iso-8859-1-prolog.xml', 'application/xml; charset=utf-8'),
    '/xss': served('xss.xml'),
    '/invalid': served('invalid.xml', 'application/xml'),
    '/html': served('html-page.html', 'text/html; charset=utf-8'),
    '/control': served('control-chars.xml', 'application/xml'),
    '/laughs': served('entity-expansion.xml', 'application/xml'),
    '/xxe': served('external-entity.xml', 'application/xml'),
    '/conditional': (request) =>
      request.headers['if-none-match'] === '"v1"'
        ? { status: 304, headers: { etag: '"v1"' } }
        : served('wordpress-rss2.xml', RSS_TYPE, { etag: '"v1"', 'last-modified': 'Tue, 24 Nov 2026 09:12:44 GMT' }),
    '/moved': { status: 301, headers: { location: '/atom' } },
  });
  http = createHttpClient({ allowPrivate: true, timeoutMs: 5_000 });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('rss formats', () => {
  it('reads a WordPress RSS 2.0 feed with content:encoded, dc:creator and slash:comments', async () => {
    const { mentions } = await pollPath('/wordpress');
    const post = byId(mentions, 'https://brulerie.example.fr/?p=1287');
    expect(post).toMatchObject({
      connector: 'rss',
      url: 'https://brulerie.example.fr/2026/11/24/nouveau-moulin/',
      title: 'Notre nouveau moulin – retour d’expérience',
      author: { handle: 'Camille Durand' },
      lang: 'fr',
      publishedAt: '2026-11-24T09:12:44.000Z',
      kind: 'article',
      engagement: { replies: 4 },
    });
    expect(post?.text).toBe(
      'Après trois mois d’essai, voici ce que nous pensons du moulin Vigie 64 : un réglage fin, un bruit contenu.\nLe service client a répondu en moins d’une heure. Leur support est vraiment réactif.',
    );
    expect(post?.html).toContain('<a href="https://vigie.example/support" rel="nofollow noopener noreferrer" target="_blank">');
  });

  it('reads an Atom blog: relative links, html titles, xml:lang, per-entry authors', async () => {
    const { mentions } = await pollPath('/atom');
    expect(mentions).toHaveLength(2);
    expect(mentions[0]).toMatchObject({
      externalId: 'tag:notes.example.org,2026-11-23:/moderation-is-product',
      url: `${server.origin}/2026/11/moderation-is-product`,
      title: 'Why moderation is a product feature',
      text: 'Moderation decides who stays in a community & who leaves. We tried Vigie for triage.',
      author: { handle: 'Priya Natarajan' },
      lang: 'en',
      publishedAt: '2026-11-23T18:00:00.000Z',
    });
    expect(mentions[1]).toMatchObject({ author: { handle: 'Sam Okafor' }, publishedAt: '2026-11-10T06:30:00.000Z', text: 'Median first response is the number that matters.' });
  });

  it('reads an RDF / RSS 1.0 feed with dc:date and dc:language', async () => {
    const { mentions } = await pollPath('/rdf');
    expect(mentions.map((m) => m.externalId)).toEqual(['https://journal.example.jp/2026/11/22/benevoles.html', 'https://journal.example.jp/2026/11/18/assemblee.html']);
    expect(mentions[0]).toMatchObject({ author: { handle: 'Rédaction' }, lang: 'fr', publishedAt: '2026-11-22T09:00:00.000Z' });
    expect(mentions[1]?.author.handle).toBe('Journal des associations');
  });

  it('reads a JSON Feed 1.1 and skips an item with neither title nor text', async () => {
    const { mentions, skipped } = await pollPath('/json');
    expect(mentions).toHaveLength(2);
    expect(mentions[0]).toMatchObject({ title: 'Un retour client qui fait plaisir', lang: 'fr', author: { handle: 'Margaux Tremblay' }, publishedAt: '2026-11-25T13:45:00.000Z' });
    expect(mentions[1]).toMatchObject({ externalId: '2', text: 'Une note courte sans titre, comme un micro-billet. Qui a testé Vigie ?', author: { handle: 'Invitée : Inès' } });
    expect(mentions[1]?.title).toBeUndefined();
    expect(skipped).toEqual([{ reason: 'no title and no text', externalId: '3' }]);
  });

  it('unwraps Google Alerts redirect links and names the publishing site', async () => {
    const { mentions } = await pollPath('/alerts');
    expect(mentions[0]).toMatchObject({
      url: 'https://www.presse.example.fr/eco/vigie-leve-2-millions.html',
      title: "La startup lyonnaise Vigie lève 2 millions d'euros",
      author: { handle: 'presse.example.fr' },
    });
    expect(mentions[0]?.text).toBe("La jeune pousse Vigie, spécialisée dans l'écoute sociale, annonce une levée de fonds ...");
  });

  it('reads a YouTube channel feed: description from media:group, views and ratings', async () => {
    const { mentions } = await pollPath('/youtube');
    expect(mentions[0]).toMatchObject({
      externalId: 'yt:video:AbCdEfGhIjK',
      url: 'https://www.youtube.com/watch?v=AbCdEfGhIjK',
      author: { handle: 'Atelier Vigie' },
      engagement: { views: 3120, likes: 214 },
      publishedAt: '2026-11-21T15:00:06.000Z',
    });
    expect(mentions[0]?.text).toContain('En dix minutes, créez un sujet');
  });
});

describe('rss charsets', () => {
  it('decodes windows-1252 with € and accents', async () => {
    const [item] = (await pollPath('/cp1252')).mentions;
    expect(item?.title).toBe('Le menu à 12 € fait débat');
    expect(item?.text).toBe('« C’est trop cher », disent certains clients… d’autres trouvent ça « honnête ». Œufs, bœuf et crème brûlée au menu.');
    expect(item?.author).toEqual({ handle: 'Hélène Girard' });
  });

  it('decodes ISO-8859-1 declared only in the XML prolog', async () => {
    const [item] = (await pollPath('/latin1-prolog')).mentions;
    expect(item?.title).toBe("Fermeture exceptionnelle de l'école élémentaire");
  });

  it('recovers a feed whose header wrongly claims UTF-8, and logs it', async () => {
    const [item] = (await pollPath('/latin1-lying-header')).mentions;
    expect(item?.text).toContain('Réunion à 18 h à la salle des fêtes');
    expect(logs.some((line) => line.includes('not valid UTF-8'))).toBe(true);
  });
});

describe('rss hostile and broken input', () => {
  it('neutralises XSS in titles, content and links', async () => {
    const [item] = (await pollPath('/xss')).mentions;
    expect(item?.title).toBe('Prix cassés');
    expect(item?.url).toBeUndefined();
    expect(item?.html).not.toMatch(/script|onerror|onmouseover|javascript|iframe|data:|<style|<svg/i);
    expect(item?.html).toContain('<a href="https://ok.example/" rel="nofollow noopener noreferrer" target="_blank">lien sûr</a>');
    expect(item?.text).not.toContain('document.cookie');
  });

  it('reports invalid XML as invalid_payload with line and column', async () => {
    const error = await pollError('/invalid');
    expect(error.code).toBe('invalid_payload');
    expect(error.line).toBeGreaterThan(0);
    expect(error.message).toMatch(/is not a valid feed at line \d+, column \d+/);
  });

  it('explains that an HTML page is not a feed', async () => {
    const error = await pollError('/html');
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toContain('returned an HTML page, not a feed');
  });

  it('does not expand nested entities (billion laughs)', async () => {
    const [item] = (await pollPath('/laughs')).mentions;
    expect(item?.title?.length ?? 0).toBeLessThan(100);
  });

  it('never reads external entities (XXE)', async () => {
    const outcome = await pollPath('/xxe').then(
      (result) => result.mentions.map((m) => m.text).join(''),
      (error: unknown) => (error as ConnectorError).code,
    );
    expect(outcome).not.toContain('root:');
  });

  it('strips control characters, dates an undated item at fetch time, skips an empty one', async () => {
    const { mentions, skipped } = await pollPath('/control');
    expect(mentions[0]).toMatchObject({ title: 'Café en vrac', text: 'Texte avec caractères de contrôle', publishedAt: '2026-11-26T12:00:00.000Z' });
    expect(skipped).toEqual([{ reason: 'no title and no text', externalId: 'empty-1' }]);
  });

  it('marks a missing feed as not_found with a readable message, through runPoll without throwing', async () => {
    const outcome = await runPoll(rss, ctx(), { config: { url: server.url('/nothing-here') }, state: {} });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found', message: `HTTP 404 from ${server.url('/nothing-here')}: the resource does not exist` } });
  });

  it('keeps other sources running when some fail, each with a readable reason', async () => {
    const small = createHttpClient({ allowPrivate: true, timeoutMs: 1_500, maxBodyBytes: 64 * 1024 });
    server.route('/huge', { status: 200, headers: { 'content-type': 'application/rss+xml' }, streamBytes: 1024 * 1024 });
    server.route('/hang', { status: 200, body: '', delayMs: 3_500 });
    const paths = ['/wordpress', '/nothing-here', '/huge', '/hang', '/invalid', '/html', '/atom'];
    const outcomes = await Promise.all(paths.map((path) => runPoll(rss, { ...ctx(), http: small }, { config: { url: server.url(path) }, state: {} })));
    await small.close();
    expect(outcomes.map((o) => (o.ok ? `ok ${o.result.mentions.length}` : o.error.code))).toEqual([
      'ok 3',
      'not_found',
      'too_large',
      'timeout',
      'invalid_payload',
      'invalid_payload',
      'ok 2',
    ]);
  });

  it('refuses invalid settings through runPoll', async () => {
    const outcome = await runPoll(rss, ctx(), { config: { url: 'ftp://x.example/feed' }, state: {} });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('rss conditional GET and state', () => {
  it('sends the validators back and reports 304 as not modified, keeping state', async () => {
    const first = await pollPath('/conditional');
    expect(first.state).toMatchObject({ etag: '"v1"', lastModified: 'Tue, 24 Nov 2026 09:12:44 GMT' });
    const second = await pollPath('/conditional', first.state);
    const request = server.requests.at(-1);
    expect(request?.headers['if-none-match']).toBe('"v1"');
    expect(request?.headers['if-modified-since']).toBe('Tue, 24 Nov 2026 09:12:44 GMT');
    expect(second).toMatchObject({ notModified: true, mentions: [] });
    expect(second.state).toEqual(first.state);
  });

  it('follows a permanent redirect and resolves links against the final URL', async () => {
    const { mentions } = await pollPath('/moved');
    expect(mentions[0]?.url).toBe(`${server.origin}/2026/11/moderation-is-product`);
  });

  it('ignores an unreadable state instead of failing', async () => {
    const result = await pollPath('/wordpress', { seen: 'garbage', etag: 42 });
    expect(result.mentions).toHaveLength(3);
  });
});

describe('rss connector definition', () => {
  it('names a source after its host and path', () => {
    expect(rss.describeSource({ url: 'https://www.brulerie.example.fr/feed/' })).toBe('brulerie.example.fr/feed');
  });

  it('publishes a JSON Schema for the settings form', async () => {
    const { z } = await import('zod');
    expect(z.toJSONSchema(rss.sourceConfig)).toMatchObject({ type: 'object', required: ['url'] });
  });
});
