import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '@vigie/server';

const bin = new URL('../../bin/vigie.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-rules-'));
let server: StartedServer;
let manager: string;
let analyst: string;

/** Runs the real `vigie` binary against the started server, with VIGIE_TOKEN when given. */
function vigie(args: string[], token?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, VIGIE_LOG_LEVEL: 'silent', VIGIE_TOKEN: token };
  if (token === undefined) delete env.VIGIE_TOKEN;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args, '--url', server.url], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** An API token made as the message tells people to: `vigie tokens create` on the server's data folder. */
async function createToken(role: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, 'tokens', 'create', '--name', `cli ${role}`, '--role', role, '--data', join(dir, 'data')], { env: { ...process.env, VIGIE_LOG_LEVEL: 'silent' }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`tokens create failed: ${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

beforeAll(async () => {
  server = await startServer({ dataDir: join(dir, 'data'), port: 0, demo: false, worker: false, logLevel: 'silent' });
  [manager, analyst] = await Promise.all([createToken('manager'), createToken('analyst')]);
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
