/**
 * Webhook intake: an intake created in settings, then mentions pushed to its URL with an HMAC
 * signature — bad items reported by index while good ones are stored, re-pushes idempotent,
 * unsigned, forged and replayed requests refused, and the secret sealed at rest.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signWebhook } from '../notify/sign-webhook';
import { createTestVigie, type TestVigie } from '../test/test-vigie';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const nowS = NOW.getTime() / 1000;

describe('webhook intake', () => {
  let t: TestVigie;
  let intake: { id: string; url: string; secret: string };
  beforeEach(async () => {
    t = await createTestVigie({}, () => NOW);
    const created = await t.call('POST', '/api/intakes', { name: 'Zapier' });
    expect(created.status).toBe(201);
    intake = created.json as unknown as typeof intake;
  });
  afterEach(() => t.close());

  const push = async (body: string, headers: Record<string, string>) => {
    const response = await t.app.request(new URL(intake.url).pathname, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const signed = (body: unknown, timestampS = nowS) => {
    const raw = JSON.stringify(body);
    return push(raw, signWebhook(intake.secret, raw, timestampS));
  };

  it('stores the good items of a batch, reports the bad ones by index, and is idempotent on externalId', async () => {
    const batch = [
      { externalId: 'z-1', text: 'Vigie est super pour la veille', author: '@jeanne', url: 'https://forum.example/t/1', publishedAt: '2026-11-20T09:00:00Z', lang: 'fr' },
      { externalId: 'z-2', text: '' },
      { title: 'Sans identifiant', text: 'Un avis sur Vigie', author: { handle: 'paul', name: 'Paul' } },
      { externalId: 'z-4', text: 'Date cassée', publishedAt: 'hier' },
      'pas un objet',
    ];
    const first = await signed(batch);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ received: 5, inserted: 2, updated: 0 });
    const rejected = first.json.rejected as { index: number; externalId?: string; reason: string }[];
    expect(rejected.map((r) => r.index)).toEqual([1, 3, 4]);
    expect(rejected[0]).toMatchObject({ externalId: 'z-2', reason: expect.stringContaining('text') });
    expect(rejected[1]?.reason).toContain('publishedAt');

    const mentions = (await t.call('GET', '/api/mentions?connector=webhook')).json.items as { externalId: string; connector: string; author: { handle: string }; publishedAt: string }[];
    expect(mentions).toHaveLength(2);
    expect(mentions.find((m) => m.externalId === 'z-1')).toMatchObject({ author: { handle: '@jeanne' }, publishedAt: '2026-11-20T09:00:00.000Z' });

    // The same push again (a retry by the sending tool) stores nothing new.
    const again = await signed(batch);
    expect(again.json).toMatchObject({ inserted: 0 });
    expect((await t.call('GET', '/api/mentions?connector=webhook')).json.items).toHaveLength(2);
  });

  it('accepts a single mention object', async () => {
    const one = await signed({ text: 'Une seule mention', connector: 'webhook' });
    expect(one.json).toMatchObject({ received: 1, inserted: 1, rejected: [] });
  });

  it('refuses unsigned, forged, replayed and unknown-intake requests the same way, storing nothing', async () => {
    const raw = JSON.stringify({ externalId: 'x', text: 'forgé' });
    expect((await push(raw, {})).status).toBe(401);
    expect((await push(raw, signWebhook('wrong-secret-wrong-secret', raw, nowS))).status).toBe(401);
    expect((await push(raw, signWebhook(intake.secret, raw, nowS - 301))).status).toBe(401);
    // A signature over other bytes does not cover this body.
    expect((await push(raw, signWebhook(intake.secret, `${raw} `, nowS))).status).toBe(401);
    const unknown = await t.app.request('/api/intake/not-a-token', { method: 'POST', body: raw, headers: signWebhook(intake.secret, raw, nowS) });
    expect(unknown.status).toBe(401);
    expect(((await push(raw, {})).json.error as { code: string }).code).toBe('unauthenticated');
    expect((await t.call('GET', '/api/mentions?connector=webhook')).json.items).toEqual([]);
  });

  it('keeps the secret sealed at rest, never lists it again, and stops the URL when the intake is deleted', async () => {
    const stored = JSON.stringify(await t.vigie.store.settings.get(t.vigie.defaultWorkspace.id, 'intakes'));
    expect(stored).not.toContain(intake.secret);
    expect(stored).not.toContain(new URL(intake.url).pathname.split('/').pop());
    const listed = await t.call('GET', '/api/intakes');
    expect(JSON.stringify(listed.json)).not.toContain(intake.secret);
    expect(listed.json.items).toEqual([{ id: intake.id, name: 'Zapier', createdAt: NOW.toISOString() }]);

    expect((await t.call('DELETE', `/api/intakes/${intake.id}`)).status).toBe(204);
    expect((await signed({ text: 'trop tard' })).status).toBe(401);
  });

  it('slows down one address that floods the public URL, and only that one', async () => {
    const raw = JSON.stringify({ externalId: 'flood', text: 'encore' });
    const from = (ip: string, headers: Record<string, string>) =>
      t.app.request(new URL(intake.url).pathname, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw }, { incoming: { socket: { remoteAddress: ip } } });
    for (let i = 0; i < 1200; i += 1) expect((await from('203.0.113.7', {})).status).toBe(401);
    const limited = await from('203.0.113.7', signWebhook(intake.secret, raw, nowS));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another sender is not affected, and the refused request stored nothing.
    expect((await from('198.51.100.4', signWebhook(intake.secret, raw, nowS))).status).toBe(200);
    expect((await t.call('GET', '/api/mentions?connector=webhook')).json.items).toHaveLength(1);
  });

  it('says clearly when the body is not JSON', async () => {
    const raw = '{"text": ';
    const bad = await push(raw, signWebhook(intake.secret, raw, nowS));
    expect(bad.status).toBe(400);
  });
});
