import { describe, expect, it } from 'vitest';
import { formatOf, parseMentionFile } from './parse-mention-file';

describe('parseMentionFile', () => {
  it('keeps the good JSONL lines and reports each bad one with its number and reason', () => {
    const content = [
      '{"id":"a1","text":"Très bon service","author":"jeanne","publishedAt":"2026-11-20T10:00:00Z","lang":"fr"}',
      '{"id":"a2","text":"broken", ',
      '',
      '{"id":"a3","publishedAt":"2026-11-20T10:00:00Z"}',
      '{"id":"a4","text":"ok","publishedAt":"hier"}',
      '{"id":"a5","text":"Great","date":"2026-11-21","connector":"mastodon","likes":"12"}',
      '{"id":"a6","text":"x","publishedAt":"2026-11-21","connector":"myspace"}',
    ].join('\n');
    const lines = parseMentionFile(content, 'jsonl');
    expect(lines.filter((l) => l.mention).map((l) => [l.line, l.mention!.externalId])).toEqual([[1, 'a1'], [6, 'a5']]);
    const errors = lines.filter((l) => l.error).map((l) => [l.line, l.error]);
    expect(errors.map(([line]) => line)).toEqual([2, 4, 5, 7]);
    expect(errors[0]![1]).toMatch(/invalid JSON/);
    expect(errors[1]![1]).toMatch(/"text" is missing/);
    expect(errors[2]![1]).toMatch(/"hier" is not a date/);
    expect(errors[3]![1]).toMatch(/unknown connector "myspace"/);
    const a5 = lines[4]!.mention!;
    expect(a5).toMatchObject({ connector: 'mastodon', publishedAt: '2026-11-21T00:00:00.000Z', engagement: { likes: 12 } });
  });

  it('reads CSV with a BOM, quoted newlines, and reports broken records with their line', () => {
    const content = '\uFEFFid,text,author,published_at\nc1,"Bonjour, ""Vigie""\nsur deux lignes",alice,2026-11-20T08:00:00Z\nc2,,bob,2026-11-20T09:00:00Z\nc3,Hello,carol,2026-11-20T10:00:00Z\n';
    const lines = parseMentionFile(content, 'csv');
    const good = lines.filter((l) => l.mention).map((l) => l.mention!);
    expect(good.map((m) => m.externalId)).toEqual(['c1', 'c3']);
    expect(good[0]!.text).toBe('Bonjour, "Vigie"\nsur deux lignes');
    expect(good[0]!.author.handle).toBe('alice');
    expect(lines.find((l) => l.error)?.error).toMatch(/"text" is missing/);
  });

  it('gives a line without id a stable id, so importing twice does not duplicate', () => {
    const line = '{"text":"sans identifiant","publishedAt":"2026-11-20T10:00:00Z"}';
    const first = parseMentionFile(line, 'jsonl')[0]!.mention!.externalId;
    const second = parseMentionFile(line, 'jsonl')[0]!.mention!.externalId;
    expect(first).toBe(second);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
  });

  it('tells the format from the file name', () => {
    expect(formatOf('export.JSONL')).toBe('jsonl');
    expect(formatOf('a.csv')).toBe('csv');
    expect(formatOf('a.xlsx')).toBeUndefined();
  });
});
