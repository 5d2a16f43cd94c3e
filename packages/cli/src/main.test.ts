/**
 * The `vigie` command line: --help and a refused query through the real binary (exit codes and
 * streams of a real process); the rest in-process through `runCli`, with the same streams captured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vigieInProcess, vigieSpawned, type CliResult } from './testing/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
const env = { VIGIE_DATA_DIR: join(dir, 'data') };

const vigie = (args: string[], stdin?: string): Promise<CliResult> => vigieInProcess(args, { stdin, env });
const spawned = (args: string[], stdin?: string): Promise<CliResult> => vigieSpawned(args, { stdin, env });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie CLI', () => {
  it('lists every command in --help', async () => {
    const { code, stdout } = await spawned(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'init', 'topics', 'sources', 'fetch', 'mentions', 'import', 'export', 'query', 'analyze', 'eval', 'reanalyze', 'setup', 'tokens', 'users', 'workspace', 'data', 'secrets']) expect(stdout).toContain(command);
    // In-process, help goes to the captured stdout too (commander's output follows runCli's streams).
    expect(await vigie(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('secrets') });
  });

  it('query check prints the normalised query, or the error with its column and exit 2', async () => {
    const ok = await vigie(['query', 'check', 'vigie   and  (outil OR app)']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().length).toBeGreaterThan(0);
    const bad = await spawned(['query', 'check', 'vigie AND (outil OR']);
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
