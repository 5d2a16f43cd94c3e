import { describe, expect, it } from 'vitest';
import { buildConfig, initialValues, labelFor, readSchemaForm } from './schema-form-fields';

const mastodon = {
  type: 'object',
  properties: {
    instance: { type: 'string', format: 'uri', description: 'Instance / Instance' },
    hashtag: { type: 'string', description: 'Hashtag (without #) / Mot-dièse (sans #)' },
    timeline: { type: 'string', enum: ['public', 'local'], description: 'Public timeline / Fil public' },
    search: { type: 'string', description: 'Search (needs a token) / Recherche (jeton requis)' },
    token: { type: 'string', writeOnly: true, description: 'Access token (secret) / Jeton d’accès (secret)' },
  },
  required: ['instance'],
  oneOf: [{ required: ['hashtag'] }, { required: ['timeline'] }, { required: ['search'] }],
};

const facebook = {
  type: 'object',
  properties: {
    pageId: { type: 'string', description: 'Page id / Identifiant de la Page' },
    edges: { type: 'array', items: { type: 'string', enum: ['feed', 'tagged'] }, default: ['feed'], description: 'What to follow / Ce qui est suivi' },
    postsToWatch: { type: 'integer', minimum: 1, maximum: 100, default: 25, description: 'Latest posts watched / Derniers posts surveillés' },
    accessToken: { type: 'string', writeOnly: true, default: 'never-shown', description: 'Page access token (secret) / Jeton d’accès de Page (secret)' },
  },
  required: ['pageId', 'accessToken'],
};

describe('reading a connector schema into a form', () => {
  it('labels each field with the half of the description in the interface language', () => {
    expect(labelFor('Feed URL / URL du flux', 'fr-FR')).toBe('URL du flux');
    expect(labelFor('Feed URL / URL du flux', 'en')).toBe('Feed URL');
    expect(labelFor(undefined, 'en', 'query')).toBe('query');
    expect(readSchemaForm(mastodon, 'fr').fields.map((f) => f.label)).toEqual(['Instance', 'Mot-dièse (sans #)', 'Fil public', 'Recherche (jeton requis)', 'Jeton d’accès (secret)']);
  });

  it('renders each type with the right control, secrets as passwords, and the exactly-one group', () => {
    const form = readSchemaForm(mastodon, 'en');
    expect(form.fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['instance', 'url', true],
      ['hashtag', 'text', false],
      ['timeline', 'enum', false],
      ['search', 'text', false],
      ['token', 'secret', false],
    ]);
    expect(form.fields[2]?.options).toEqual(['public', 'local']);
    expect(form.exactlyOne).toEqual(['hashtag', 'timeline', 'search']);
  });

  it('starts from the schema defaults but never pre-fills a secret', () => {
    const values = initialValues(readSchemaForm(facebook, 'en'));
    expect(values).toEqual({ pageId: '', edges: ['feed'], postsToWatch: '25', accessToken: '' });
  });

  it('sends only the chosen field of the group, numbers as numbers, and leaves empty fields out', () => {
    const form = readSchemaForm(mastodon, 'en');
    expect(buildConfig(form, { instance: ' https://mastodon.social ', hashtag: 'vigie', timeline: 'local', search: 'old', token: '' }, 'hashtag')).toEqual({
      instance: 'https://mastodon.social',
      hashtag: 'vigie',
    });
    const fb = readSchemaForm(facebook, 'en');
    expect(buildConfig(fb, { pageId: '12345', edges: ['tagged'], postsToWatch: '40', accessToken: ' tok ' })).toEqual({ pageId: '12345', edges: ['tagged'], postsToWatch: 40, accessToken: ' tok ' });
  });
});
