import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpml } from './parse-opml';

describe('parseOpml', () => {
  it('collects feeds from nested folders, once each, and reports unusable outlines with their line', () => {
    const result = parseOpml(readFileSync(join(import.meta.dirname, 'fixtures', 'subscriptions.opml'), 'utf8'));
    expect(result.feeds).toEqual([
      { url: 'https://brulerie.example.fr/feed/', title: 'Le Blog de la Brûlerie' },
      { url: 'https://notes.example.org/feed.atom', title: 'Field Notes' },
    ]);
    expect(result.errors).toEqual([
      { line: 10, message: 'outline "Sans adresse" has no xmlUrl' },
      { line: 15, message: 'outline "Ancien lien": "feed://old.example/rss" is not an http(s) URL' },
    ]);
  });

  it('reports a document that is not XML with the line of the problem', () => {
    const result = parseOpml('<opml version="2.0">\n<body>\n<outline text="x" xmlUrl="https://a.example/feed">\n</body></opml>');
    expect(result.feeds).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBeGreaterThan(1);
    expect(result.errors[0]?.message).toMatch(/^invalid OPML/);
  });

  it('reports XML that is not OPML', () => {
    const result = parseOpml('<rss version="2.0"><channel><title>x</title></channel></rss>');
    expect(result.feeds).toEqual([]);
    expect(result.errors[0]?.message).toMatch(/^not an OPML document/);
  });
});
