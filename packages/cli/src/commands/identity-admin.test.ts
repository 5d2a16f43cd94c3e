/**
 * The local administration commands for people and data on a data folder: setup, users list,
 * tokens create/list/revoke (a token made by the CLI opens the API of a running server with its
 * role, and stops at once when revoked), workspace export, data erase-author, secrets rotate.
 * `tokens create` runs through the real `vigie` binary (the token alone on stdout, exit codes of a
 * real process); the other calls run in-process through `runCli`, with the same streams captured.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '@vigie/server';
import { vigieInProcess, vigieSpawned, type CliCall, type CliResult } from '../testing/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-identity-'));
const data = join(dir, 'data');
const PASSWORD = 'correct horse battery staple';

const vigie = (args: string[], options: CliCall = {}): Promise<CliResult> => vigieInProcess(args, { stdin: options.stdin, env: { VIGIE_DATA_DIR: data, ...options.env } });
const spawned = (args: string[], options: CliCall = {}): Promise<CliResult> => vigieSpawned(args, { stdin: options.stdin, env: { VIGIE_DATA_DIR: data, ...options.env } });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie setup, users, tokens', () => {
  it('creates the owner once, from a script, and lists them', async () => {
    const weak = await vigie(['setup', '--email', 'owner@velotys.example', '--name', 'Owner', '--password-stdin'], { stdin: 'short\n' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/12/);

    const created = await vigie(['setup', '--email', 'Owner@Velotys.example', '--name', 'Camille Owner', '--password-stdin', '--locale', 'fr'], { stdin: `${PASSWORD}\n` });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('owner@velotys.example');

    const again = await vigie(['setup', '--email', 'other@velotys.example', '--name', 'Other', '--password-stdin'], { stdin: `${PASSWORD}\n` });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);

    const users = await vigie(['users', 'list', '--json']);
    expect(JSON.parse(users.stdout)).toMatchObject([{ email: 'owner@velotys.example', name: 'Camille Owner', locale: 'fr', roles: ['default:owner'] }]);
  });

  it('asks interactively: e-mail, name, then the password until it is strong enough and typed twice the same', async () => {
    const answers = ['cm@velotys.example', 'Camille', 'trop court', 'correct horse battery', 'not the same at all', 'correct horse battery', 'correct horse battery'].join('\n');
    const env = { VIGIE_DATA_DIR: join(dir, 'interactive') };
    const setup = await vigie(['setup'], { stdin: `${answers}\n`, env });
    expect(setup.code).toBe(0);
    expect(setup.stderr).toMatch(/at least 12 characters[\s\S]*the two passwords differ/);
    expect(setup.stderr).not.toContain('correct horse battery');
    expect(JSON.parse((await vigie(['users', 'list', '--json'], { env })).stdout)).toMatchObject([{ email: 'cm@velotys.example', name: 'Camille' }]);
  });

  it('a token from `tokens create` (only the token on stdout) opens the API with its role, and revoking it closes it', async () => {
    const created = await spawned(['tokens', 'create', '--name', 'dashboards', '--role', 'analyst', '--expires-days', '30']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^vgt_[A-Za-z0-9_-]{43}\n$/);
    const token = created.stdout.trim();
    const refused = await spawned(['tokens', 'create', '--name', 'x', '--role', 'admin']);
    expect(refused.code).toBe(2);
    expect((await vigie(['tokens', 'create', '--name', 'x', '--role', 'agent', '--workspace', 'nope'])).code).toBe(4);

    const server = await startServer({ dataDir: data, port: 0, demo: false, worker: false, logLevel: 'silent' });
    try {
      const auth = { authorization: `Bearer ${token}` };
      expect((await fetch(`${server.url}/api/topics`)).status).toBe(401);
      expect((await fetch(`${server.url}/api/topics`, { headers: auth })).status).toBe(200);
      const write = await fetch(`${server.url}/api/topics`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ondine', kind: 'product', queries: ['ondine'] }) });
      expect(write.status).toBe(403);
      const session = (await (await fetch(`${server.url}/api/session`, { headers: auth })).json()) as { role: string; via: string };
      expect(session).toMatchObject({ role: 'analyst', via: 'token' });

      const listed = JSON.parse((await vigie(['tokens', 'list', '--json'])).stdout) as { id: string; name: string; prefix: string; role: string }[];
      expect(listed).toMatchObject([{ name: 'dashboards', role: 'analyst', prefix: token.slice(0, 12) }]);
      expect(JSON.stringify(listed)).not.toContain(token);

      const revoked = await vigie(['tokens', 'revoke', listed[0]!.id]);
      expect(revoked.code).toBe(0);
      expect((await fetch(`${server.url}/api/topics`, { headers: auth })).status).toBe(401);
      expect((await vigie(['tokens', 'revoke', 'no-such-id'])).code).toBe(4);
    } finally {
      await server.close();
    }
  });
}, 300_000);

describe('vigie workspace export, data erase-author, secrets rotate', () => {
  it('exports the workspace as JSONL, erases one author, and the export no longer holds them', async () => {
    const file = join(dir, 'mentions.jsonl');
    writeFileSync(
      file,
      [
        { id: 'a1', text: 'Vigie au top', author: 'alice', connector: 'mastodon', publishedAt: '2026-11-20T10:00:00Z' },
        { id: 'a2', text: 'Vigie encore', author: 'Alice', connector: 'mastodon', publishedAt: '2026-11-20T11:00:00Z' },
        { id: 'b1', text: 'Bof', author: 'bob', connector: 'mastodon', publishedAt: '2026-11-20T12:00:00Z' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    expect((await vigie(['import', file])).code).toBe(0);

    const exported = await vigie(['workspace', 'export']);
    expect(exported.code).toBe(0);
    const records = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; author?: { handle: string } });
    expect(records.filter((r) => r.type === 'mention')).toHaveLength(3);
    expect(records.filter((r) => r.type === 'member')).toMatchObject([{ email: 'owner@velotys.example', role: 'owner' }]);
    expect(exported.stderr).toMatch(/3 mention/);

    const erased = await vigie(['data', 'erase-author', 'ALICE', '--connector', 'mastodon', '--json']);
    expect(JSON.parse(erased.stdout)).toEqual({ deletedMentions: 2, deletedConversations: 0 });
    expect((await vigie(['data', 'erase-author', 'bob', '--connector', 'myspace'])).code).toBe(2);

    const after = (await vigie(['workspace', 'export'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; author?: { handle: string } });
    expect(after.filter((r) => r.type === 'mention').map((m) => m.author?.handle)).toEqual(['bob']);
  });

  it('rotates the key file, keeping the old key; with VIGIE_SECRET_KEY it prints the values to set', async () => {
    const keyFile = join(data, 'secret.key');
    const oldKey = readFileSync(keyFile, 'utf8').trim();
    const rotated = await vigie(['secrets', 'rotate']);
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toMatch(/re-sealed.*sources 0, accounts 0, intakes 0/);
    expect(readFileSync(keyFile, 'utf8').trim()).not.toBe(oldKey);
    expect(readFileSync(join(data, 'secret.previous-keys'), 'utf8')).toContain(oldKey);

    const envKey = 'b'.repeat(64);
    const planned = await vigie(['secrets', 'rotate'], { env: { VIGIE_SECRET_KEY: envKey } });
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(new RegExp(`^VIGIE_SECRET_KEY=[0-9a-f]{64}\\nVIGIE_PREVIOUS_SECRET_KEYS=${envKey}`));
    expect(planned.stderr).toMatch(/--new-key/);
    expect((await vigie(['secrets', 'rotate', '--new-key', 'zz'], { env: { VIGIE_SECRET_KEY: envKey } })).code).toBe(2);
  });
}, 300_000);
