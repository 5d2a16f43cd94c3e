/** `GET /api/connectors` as the settings form reads it: secrets flagged, exactly-one groups stated. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from '../test/test-vigie';

interface Info {
  id: string;
  capabilities: string[];
  sourceConfigSchema: { properties: Record<string, { writeOnly?: boolean }>; required?: string[]; oneOf?: { required: string[] }[] };
}

describe('connectors for the settings form', () => {
  let t: TestVigie;
  let items: Info[];
  beforeAll(async () => {
    t = await createTestVigie();
    items = (await t.call('GET', '/api/connectors')).json.items as unknown as Info[];
  });
  afterAll(() => t.close());

  const byId = (id: string): Info => items.find((i) => i.id === id) as Info;

  it('flags every credential as write-only, so the form draws a password input and never pre-fills it', () => {
    const secrets = Object.fromEntries(items.map((i) => [i.id, Object.entries(i.sourceConfigSchema.properties).filter(([, p]) => p.writeOnly).map(([n]) => n)]));
    expect(secrets).toMatchObject({ rss: [], mastodon: ['token'], x: ['bearerToken'], youtube: ['apiKey'], facebook: ['accessToken'], instagram: ['accessToken'], linkedin: ['accessToken'] });
  });

  it('states the "exactly one of" groups as oneOf of required fields that exist in the schema', () => {
    expect(byId('mastodon').sourceConfigSchema.oneOf?.map((o) => o.required[0])).toEqual(['hashtag', 'timeline', 'search', 'notifications']);
    expect(byId('bluesky').sourceConfigSchema.oneOf?.map((o) => o.required[0])).toEqual(['search', 'author', 'notifications']);
    expect(byId('rss').sourceConfigSchema.oneOf).toBeUndefined();
    for (const item of items) {
      for (const option of item.sourceConfigSchema.oneOf ?? []) expect(Object.keys(item.sourceConfigSchema.properties), item.id).toContain(option.required[0]);
    }
  });

  it('refuses a Mastodon source with two of its group set, as the form promises', async () => {
    const both = await t.call('POST', '/api/sources', { connector: 'mastodon', config: { instance: 'https://mastodon.example', hashtag: 'vigie', timeline: 'local' } });
    expect(both.status).toBe(400);
  });
});
