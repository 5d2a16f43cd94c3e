/**
 * Credentials of every connector are sealed at rest and never presented — including those of
 * connectors that only say "(secret)" in their schema (X, YouTube, Facebook, Instagram, LinkedIn).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConnector } from '@vigie/connectors';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { sourceSecretFields } from './source-form-schema';

const TOKEN = 'tok-0123456789-abcdefghij-klmnop';

describe('source credentials at rest', () => {
  let t: TestVigie;
  beforeAll(async () => {
    t = await createTestVigie();
  });
  afterAll(() => t.close());

  it('knows the credential of each connector that has one', () => {
    const fields = Object.fromEntries(['rss', 'mastodon', 'x', 'youtube', 'facebook', 'instagram', 'linkedin'].map((id) => [id, sourceSecretFields(getConnector(id as never)!)]));
    expect(fields).toEqual({ rss: [], mastodon: ['token'], x: ['bearerToken'], youtube: ['apiKey'], facebook: ['accessToken'], instagram: ['accessToken'], linkedin: ['accessToken'] });
  });

  it.each([
    ['x', { query: 'vigie', bearerToken: TOKEN }, 'bearerToken'],
    ['youtube', { apiKey: TOKEN, query: 'vigie' }, 'apiKey'],
    ['facebook', { pageId: '123456789', accessToken: TOKEN }, 'accessToken'],
  ])('seals the %s credential and only says that it is set', async (connector, config, field) => {
    const created = await t.call('POST', '/api/sources', { connector, config });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.json)).not.toContain(TOKEN);
    expect(created.json.secretsSet).toEqual([field]);
    const stored = await t.vigie.store.sources.get(t.vigie.defaultWorkspace.id, created.json.id as string);
    expect(JSON.stringify(stored?.config)).not.toContain(TOKEN);
    expect(String(stored?.config[field])).toMatch(/^vigie-sealed:/);
  });
});
