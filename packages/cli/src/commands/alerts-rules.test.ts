/**
 * `vigie alerts rules` against a running Vigie: the manager's token is made by the real `vigie`
 * binary (as the message tells people to); the other calls run in-process through `runCli`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '@vigie/server';
import { vigieInProcess, vigieSpawned } from '../testing/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-rules-'));
let server: StartedServer;
let manager: string;
let analyst: string;

/** Runs `vigie` against the started server, with VIGIE_TOKEN when given (and none otherwise). */
function vigie(args: string[], token?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return vigieInProcess([...args, '--url', server.url], { env: { VIGIE_TOKEN: token } });
}

/** An API token made as the message tells people to: `vigie tokens create` on the server's data folder. */
async function createToken(role: string, run: typeof vigieInProcess): Promise<string> {
  const created = await run(['tokens', 'create', '--name', `cli ${role}`, '--role', role, '--data', join(dir, 'data')], { env: { VIGIE_TOKEN: undefined } });
  if (created.code !== 0) throw new Error(`tokens create failed: ${created.stderr}`);
  return created.stdout.trim();
}

beforeAll(async () => {
  server = await startServer({ dataDir: join(dir, 'data'), port: 0, demo: false, worker: false, logLevel: 'silent' });
  manager = await createToken('manager', vigieSpawned);
  analyst = await createToken('analyst', vigieInProcess);
}, 90_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('vigie alerts rules', () => {
  it('adds a rule through the running Vigie, lists it, and shows the refused field of an impossible one', async () => {
    const topic = (await (await fetch(`${server.url}/api/topics`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` }, body: JSON.stringify({ name: 'Ondine', kind: 'product', queries: ['ondine'] }) })).json()) as { id: string };
    const added = await vigie(['alerts', 'rules', 'add', '--name', 'Ondine', '--topic', topic.id, '--detectors', 'volume_spike,negative_surge', '--quiet', '22:00-07:00', '--email', 'cm@velotys.example'], manager);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^rule \S+ added/);

    const listed = await vigie(['alerts', 'rules', 'list', '--json'], manager);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ name: 'Ondine', detectors: ['volume_spike', 'negative_surge'], quietHours: { from: '22:00', to: '07:00' }, channels: [{ kind: 'email' }], recipients: ['cm@velotys.example'] }]);

    const refused = await vigie(['alerts', 'rules', 'add', '--name', 'Bad', '--topic', topic.id, '--cooldown', '-5'], manager);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cooldownMinutes: cannot be negative/);
  });

  it('without a token, or with a wrong one, says how to get one and exits 3', async () => {
    const missing = await vigie(['alerts', 'rules', 'list']);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('vigie: the server needs an API token: create one with `vigie tokens create --name cli --role analyst` and pass it with --token or VIGIE_TOKEN / le serveur demande un jeton d’API : créez-en un avec `vigie tokens create --name cli --role analyst` et passez-le avec --token ou VIGIE_TOKEN\n');

    const wrong = await vigie(['alerts', 'rules', 'list', '--token', `vgt_${'x'.repeat(43)}`], manager);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(wrong.stderr).toMatch(/^vigie: the server refused the token: create one with `vigie tokens create --name cli --role analyst` and pass it with --token or VIGIE_TOKEN/);
    expect(wrong.stderr).not.toContain('xxxx');
  });

  it('an analyst token (--token or VIGIE_TOKEN) lists the rules but cannot add one', async () => {
    const byOption = await vigie(['alerts', 'rules', 'list', '--json', '--token', analyst]);
    expect(byOption.code).toBe(0);
    expect(JSON.parse(byOption.stdout)).toMatchObject([{ name: 'Ondine' }]);
    const byEnv = await vigie(['alerts', 'rules', 'list'], analyst);
    expect(byEnv.code).toBe(0);
    expect(byEnv.stdout).toMatch(/Ondine/);

    const topics = (await (await fetch(`${server.url}/api/topics`, { headers: { authorization: `Bearer ${analyst}` } })).json()) as { items: { id: string }[] };
    const add = await vigie(['alerts', 'rules', 'add', '--name', 'Not mine', '--topic', topics.items[0]?.id ?? ''], analyst);
    expect(add.code).toBe(3);
    expect(add.stderr).toMatch(/"configure" permission, which the analyst role does not have/);
    expect(JSON.parse((await vigie(['alerts', 'rules', 'list', '--json'], analyst)).stdout)).toHaveLength(1);
  });
}, 120_000);
