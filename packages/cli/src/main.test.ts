import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = new URL('../bin/vigie.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));

function vigie(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env: { ...process.env, VIGIE_LOG_LEVEL: 'silent', VIGIE_DATA_DIR: join(dir, 'data') }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    else child.stdin!.end();
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie CLI', () => {
  it('lists every command in --help', async () => {
    const { code, stdout } = await vigie(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'init', 'topics', 'sources', 'fetch', 'mentions', 'import', 'export', 'query', 'analyze', 'eval', 'reanalyze', 'setup', 'tokens', 'users', 'workspace', 'data', 'secrets']) expect(stdout).toContain(command);
  });

  it('query check prints the normalised query, or the error with its column and exit 2', async () => {
    const ok = await vigie(['query', 'check', 'vigie   and  (outil OR app)']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().length).toBeGreaterThan(0);
    const bad = await vigie(['query', 'check', 'vigie AND (outil OR']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/column \d+/);
  });

  it('query test and query match read JSONL posts on stdin', async () => {
    const posts = ['{"id":"1","text":"J\'adore l\'entreprise Vigie"}', '{"id":"2","text":"orangeade fraîche"}', '{"id":"3","text":"Vigie recrute"}'].join('\n');
    const test = await vigie(['query', 'test', 'vigie NOT recrute'], posts);
    expect(test.stdout.trim().split('\n')).toEqual(['1']);
    const queries = join(dir, 'queries.json');
    writeFileSync(queries, JSON.stringify([{ id: 'brand', query: 'vigie' }, { id: 'fruit', query: 'orange' }, { id: 'drink', query: 'orangeade' }]));
    const match = await vigie(['query', 'match', '--queries', queries, '--stats'], posts);
    expect(match.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { id: '1', queries: ['brand'] },
      { id: '2', queries: ['drink'] },
      { id: '3', queries: ['brand'] },
    ]);
    expect(match.stderr).toMatch(/posts\/s/);
  });

  it('imports the good lines of a file, reports the bad ones with their number, and never duplicates', async () => {
    const file = join(dir, 'mentions.jsonl');
    writeFileSync(file, ['{"id":"a","text":"Super Vigie","publishedAt":"2026-11-20T10:00:00Z"}', 'not json', '{"id":"b","publishedAt":"2026-11-20T10:00:00Z"}', '{"id":"c","text":"Bof","date":"2026-11-21"}'].join('\n'));
    const first = await vigie(['import', file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 new mentions');
    expect(first.stderr).toContain('mentions.jsonl:2: invalid JSON');
    expect(first.stderr).toContain('mentions.jsonl:3: field "text" is missing');
    const second = await vigie(['import', file]);
    expect(second.stdout).toContain('0 new mentions, 2 already known');
    const exported = await vigie(['export', '--format', 'jsonl']);
    expect(exported.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('analyze writes one JSON line per post with language, sentiment, question and aggressiveness', async () => {
    const { stdout, code } = await vigie(['analyze'], '{"id":"q","text":"Quelqu\'un sait comment on fait pour changer la batterie ?"}\n');
    expect(code).toBe(0);
    const line = JSON.parse(stdout.trim()) as { id: string; lang: string; question: boolean; sentiment: { label: string }; aggressive: { label: string } };
    expect(line).toMatchObject({ id: 'q', lang: 'fr', question: true });
    expect(['negative', 'neutral', 'positive']).toContain(line.sentiment.label);
    expect(line.aggressive.label).toBe('none');
  });
});
