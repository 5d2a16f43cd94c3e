/**
 * Every XSS payload of the corpus (connectors/kit/xss-corpus.ts, OWASP filter-evasion families)
 * pushed through each way text gets into Vigie — an RSS feed (title, description, author, link),
 * the signed webhook intake and a CSV import — then read back from the API the web uses: no
 * field carries executable markup, links are http(s) only, and the visible words stay as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutableMarkup, isWebLink, XSS_CORPUS } from '@vigie/connectors';
import { parseMentionFile } from '../import/parse-mention-file';
import { signWebhook } from '../notify/sign-webhook';
import { createTestVigie, startFeedServer, type TestVigie } from '../test/test-vigie';

type ApiMention = { id: string; externalId: string; text: string; title?: string; html?: string; url?: string; author: { handle: string; name?: string; url?: string; avatarUrl?: string } };

const BAD_LINKS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '&#106;avascript:alert(1)'];
const badLink = (i: number): string => BAD_LINKS[i % BAD_LINKS.length] ?? 'javascript:alert(1)';
const cdata = (value: string): string => `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const csvCell = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** Every string in the mention as the API returns it, with its path; `raw` is the payload as received (data, never rendered). */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'raw' ? [] : strings(v, path ? `${path}.${k}` : k)));
  return [];
}

/**
 * Every payload with visible text was stored (those whose only text sits inside an unclosed
 * <style> or <noscript> are left with nothing and refused), and nothing stored can run.
 */
function assertInert(mentions: ApiMention[]): void {
  const stored = new Set(mentions.map((m) => Number(/(\d+)$/.exec(m.externalId)?.[1])));
  expect(XSS_CORPUS.flatMap((p, i) => (p.keep && !stored.has(i) ? [p.payload] : []))).toEqual([]);
  const problems: string[] = [];
  for (const m of mentions) {
    for (const [path, value] of strings(m)) {
      const found = findExecutableMarkup(value);
      if (found.length > 0) problems.push(`${m.externalId} ${path}: ${found.join(' | ')}`);
    }
    for (const link of [m.url, m.author.url, m.author.avatarUrl]) if (!isWebLink(link)) problems.push(`${m.externalId} link: ${String(link)}`);
    for (const [, href] of (m.html ?? '').matchAll(/(?:href|src)="([^"]*)"/g)) if (!isWebLink(href) && !href?.startsWith('mailto:')) problems.push(`${m.externalId} html link: ${String(href)}`);
  }
  expect(problems).toEqual([]);
}

/** The corpus entry behind a mention (externalIds end with the payload's index). */
const payloadOf = (m: ApiMention) => XSS_CORPUS[Number(/(\d+)$/.exec(m.externalId)?.[1])];

describe('XSS corpus through every intake path', () => {
  let t: TestVigie;
  const list = async (connector: string): Promise<ApiMention[]> => {
    const { status, json } = await t.call('GET', `/api/mentions?connector=${connector}&limit=200`);
    expect(status).toBe(200);
    return json.items as unknown as ApiMention[];
  };

  beforeAll(async () => {
    t = await createTestVigie();
  });
  afterAll(() => t.close());

  it('RSS: title, description, author and link of each item', async () => {
    const items = XSS_CORPUS.map(
      (p, i) =>
        `<item><guid isPermaLink="false">xss-${i}</guid><title>${cdata(`${p.payload} titre`)}</title><link>${cdata(badLink(i))}</link><description>${cdata(p.payload)}</description><dc:creator>${cdata(p.payload)}</dc:creator><pubDate>${new Date(Date.now() - 3_600_000).toUTCString()}</pubDate></item>`,
    );
    const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Flux</title><link>https://blog.example/</link><description>x</description>${items.join('')}</channel></rss>`;
    const server = await startFeedServer({ '/xss.xml': { body: feed } });
    try {
      const source = await t.call('POST', '/api/sources', { connector: 'rss', url: `${server.origin}/xss.xml` });
      expect(source.status).toBe(201);
      const fetched = await t.call('POST', `/api/sources/${String(source.json.id)}/fetch`);
      expect(fetched.status).toBe(200);
    } finally {
      await server.close();
    }
    const mentions = await list('rss');
    assertInert(mentions);
    for (const m of mentions) {
      const keep = payloadOf(m)?.keep;
      if (keep) expect(m.text, m.externalId).toContain(keep);
      expect(m.title, m.externalId).toContain('titre');
    }
  });

  it('webhook intake: text, title, author handle, name and link', async () => {
    const created = await t.call('POST', '/api/intakes', { name: 'XSS' });
    const intake = created.json as unknown as { url: string; secret: string };
    const body = JSON.stringify(
      XSS_CORPUS.map((p, i) => ({ externalId: `xss-${i}`, text: `${p.payload} texte`, title: p.payload, author: { handle: `${p.payload}auteur`, name: p.payload, url: badLink(i) }, url: 'https://forum.example/t/1' })),
    );
    const response = await t.app.request(new URL(intake.url).pathname, { method: 'POST', headers: { 'content-type': 'application/json', ...signWebhook(intake.secret, body, Math.floor(Date.now() / 1000)) }, body });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { received: number; rejected: { index: number; reason: string }[] };
    expect(report.received).toBe(XSS_CORPUS.length);
    for (const r of report.rejected) expect({ keep: XSS_CORPUS[r.index]?.keep, reason: r.reason }).toEqual({ keep: undefined, reason: 'no text and no title' });
    const mentions = await list('webhook');
    assertInert(mentions);
    for (const m of mentions) {
      const keep = payloadOf(m)?.keep;
      if (keep) expect(m.text, m.externalId).toContain(keep);
      expect(m.text).toContain('texte');
      expect(m.author.handle).toContain('auteur');
      expect(m.url).toBe('https://forum.example/t/1');
    }
  });

  it('CSV import: text, title, author and url columns', async () => {
    const csv = ['id,text,title,author,url,date', ...XSS_CORPUS.map((p, i) => [`xss-${i}`, `${p.payload} texte`, p.payload, `${p.payload}auteur`, badLink(i), '2026-11-20T10:00:00Z'].map(csvCell).join(','))].join('\n');
    const lines = parseMentionFile(csv, 'csv');
    expect(lines.filter((l) => l.error)).toEqual([]);
    const report = await t.vigie.ingest(t.vigie.defaultWorkspace.id, lines.map((l) => l.mention!));
    expect(report.received).toBe(XSS_CORPUS.length);
    const mentions = await list('import');
    assertInert(mentions);
    for (const m of mentions) {
      const keep = payloadOf(m)?.keep;
      if (keep) expect(m.text, m.externalId).toContain(keep);
      expect(m.url).toBeUndefined();
    }
  });

  it('plain text that merely contains < and & is kept exactly', async () => {
    const lines = parseMentionFile('id,text,date\nplain-1,"1 < 2 && 3 > 2, Vec<String>, je t’aime <3",2026-11-20T10:00:00Z', 'csv');
    await t.vigie.ingest(t.vigie.defaultWorkspace.id, lines.map((l) => l.mention!));
    const mention = (await list('import')).find((m) => m.externalId === 'plain-1');
    expect(mention?.text).toBe('1 < 2 && 3 > 2, Vec<String>, je t’aime <3');
  });
});
