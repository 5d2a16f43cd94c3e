import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '@vigie/server';

const bin = new URL('../../bin/vigie.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-rules-'));
let server: StartedServer;

function vigie(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args, '--url', server.url], { env: { ...process.env, VIGIE_LOG_LEVEL: 'silent' }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  server = await startServer({ dataDir: join(dir, 'data'), port: 0, demo: false, worker: false, logLevel: 'silent' });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('vigie alerts rules', () => {
  it('adds a rule through the running Vigie, lists it, and shows the refused field of an impossible one', async () => {
    const topic = (await (await fetch(`${server.url}/api/topics`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ondine', kind: 'product', queries: ['ondine'] }) })).json()) as { id: string };
    const added = await vigie(['alerts', 'rules', 'add', '--name', 'Ondine', '--topic', topic.id, '--detectors', 'volume_spike,negative_surge', '--quiet', '22:00-07:00', '--email', 'cm@velotys.example']);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^rule \S+ added/);

    const listed = await vigie(['alerts', 'rules', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ name: 'Ondine', detectors: ['volume_spike', 'negative_surge'], quietHours: { from: '22:00', to: '07:00' }, channels: [{ kind: 'email' }], recipients: ['cm@velotys.example'] }]);

    const refused = await vigie(['alerts', 'rules', 'add', '--name', 'Bad', '--topic', topic.id, '--cooldown', '-5']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cooldownMinutes: cannot be negative/);
  });
}, 90_000);
