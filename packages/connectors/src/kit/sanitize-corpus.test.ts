import { describe, expect, it } from 'vitest';
import { sanitizeHtml, sanitizeHtmlOnce } from './sanitize-html';
import { plainText, sanitizeMentionInput, webLink } from './sanitize-mention';
import { findExecutableMarkup, isWebLink, XSS_CORPUS } from './xss-corpus';

describe('XSS corpus', () => {
  it('holds at least 40 payloads across the cheat-sheet families', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(XSS_CORPUS.map((p) => p.family)).size).toBeGreaterThanOrEqual(10);
  });

  it('the detector flags every payload as it comes (so a pass below means something)', () => {
    const missed = XSS_CORPUS.filter((p) => findExecutableMarkup(p.payload).length === 0 && !p.payload.includes('<![CDATA['));
    expect(missed.map((p) => p.payload)).toEqual([]);
  });

  it.each(XSS_CORPUS.map((p) => [p.family, p.payload, p.keep] as const))('sanitizeHtml: %s %s', (_family, payload, keep) => {
    const out = sanitizeHtml(payload);
    expect(findExecutableMarkup(out)).toEqual([]);
    for (const [, href] of out.matchAll(/(?:href|src)="([^"]*)"/g)) expect(isWebLink(href) || href?.startsWith('mailto:')).toBe(true);
    if (keep) expect(out).toContain(keep);
  });

  it.each(XSS_CORPUS.map((p) => [p.family, p.payload, p.keep] as const))('plainText: %s %s', (_family, payload, keep) => {
    const out = plainText(payload);
    expect(findExecutableMarkup(out)).toEqual([]);
    if (keep) expect(out).toContain(keep);
  });
});

describe('sanitizeHtmlOnce', () => {
  it('passes what sanitizeHtml just returned, and sanitises anything else', () => {
    const clean = sanitizeHtml('<p onclick="x()">Bonjour <b>toi</b></p>');
    expect(sanitizeHtmlOnce(clean)).toBe(clean);
    for (const p of XSS_CORPUS) expect(findExecutableMarkup(sanitizeHtmlOnce(p.payload))).toEqual([]);
  });
});

describe('plainText', () => {
  it('leaves text that only looks a little like markup exactly as written', () => {
    for (const text of ['1 < 2 && 3 > 2', 'Vec<String> et Map<K, V>', 'je t’aime <3', 'a -> b', 'AT&T &amp; co']) expect(plainText(text)).toBe(text);
  });

  it('turns HTML into its visible text', () => {
    expect(plainText('<p>Très <b>bon</b> produit</p>')).toBe('Très bon produit');
  });

  it('does not let entity-encoded markup come back as markup', () => {
    expect(findExecutableMarkup(plainText('<b>x</b>&lt;img src=x onerror=alert(1)&gt;'))).toEqual([]);
    expect(findExecutableMarkup(plainText('<i>x</i>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;'))).toEqual([]);
  });
});

describe('sanitizeMentionInput', () => {
  const base = { connector: 'webhook', externalId: '1', author: { handle: 'a' }, text: 'x', publishedAt: '2026-11-20T10:00:00.000Z', engagement: {}, kind: 'post', raw: {} } as const;

  it('keeps only http(s) links', () => {
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/', '/relative']) {
      const out = sanitizeMentionInput({ ...base, url: bad, author: { handle: 'a', url: bad, avatarUrl: bad } });
      expect(out.url).toBeUndefined();
      expect(out.author.url).toBeUndefined();
      expect(out.author.avatarUrl).toBeUndefined();
    }
    expect(sanitizeMentionInput({ ...base, url: 'https://ok.example/p?q=1' }).url).toBe('https://ok.example/p?q=1');
    expect(webLink('http://ok.example')).toBe('http://ok.example/');
  });

  it('cleans every text field and the html', () => {
    const out = sanitizeMentionInput({ ...base, text: '<img src=x onerror=alert(1)>Salut', title: '<script>x</script>Titre', html: '<p onclick=x()>ok</p>', author: { handle: '<b onmouseover=x()>jeanne</b>', name: '<svg onload=x()>' } });
    expect(out).toMatchObject({ text: 'Salut', title: 'Titre', html: '<p>ok</p>', author: { handle: 'jeanne', name: '' } });
  });
});
