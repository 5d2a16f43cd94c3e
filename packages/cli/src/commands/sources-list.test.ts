/**
 * `vigie sources status` against a running Vigie: each source shows the account it uses, the
 * account's status (a stopped account says so) and its monthly read budget.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type StartedServer } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = new URL('../../bin/vigie.js', import.meta.url).pathname;

function vigie(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, VIGIE_LOG_LEVEL: 'silent', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('vigie sources status', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-accounts-'));
  let running: StartedServer;
  let token = '';

  beforeAll(async () => {
    running = await startServer({ dataDir: dir, port: 0, demo: false, worker: false, allowPrivateUrls: true, logLevel: 'silent' });
    const workspace = (await running.vigie.store.workspaces.getBySlug('default'))!;
    token = `vgt_${randomBytes(32).toString('base64url')}`;
    await running.vigie.store.apiTokens.create(createHash('sha256').update(token).digest('hex'), { workspaceId: workspace.id, name: 'cli test', role: 'owner', prefix: token.slice(0, 12), createdAt: new Date().toISOString() });
    const store = running.vigie.store;
    const account = await store.accounts.create(workspace.id, { connector: 'x', name: 'Brand app', config: {}, monthlyReads: 500 });
    await store.accounts.recordReads(workspace.id, account.id, 120, new Date());
    await store.accounts.setStatus(workspace.id, account.id, 'needs_reauth', { reason: 'token revoked' });
    await store.sources.create(workspace.id, { connector: 'x', name: 'X: vigie', config: { query: 'vigie' }, pollIntervalSec: 900, accountId: account.id });
    await store.sources.create(workspace.id, { connector: 'rss', name: 'Blog', config: { url: 'https://blog.example/feed' }, pollIntervalSec: 900 });
  });
  afterAll(async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the account, its status and its budget next to each source', async () => {
    const { code, stdout } = await vigie(['sources', 'status'], { VIGIE_URL: running.url, VIGIE_TOKEN: token });
    expect(code).toBe(0);
    const line = stdout.split('\n').find((l) => l.includes('X: vigie')) ?? '';
    expect(line).toContain('Brand app (needs_reauth, 120/500 reads)');
    expect(stdout.split('\n').find((l) => l.includes('Blog'))).toMatch(/\s-\s/);
    const json = await vigie(['sources', 'status', '--json'], { VIGIE_URL: running.url, VIGIE_TOKEN: token });
    const items = JSON.parse(json.stdout) as { name: string; account?: { status: string } }[];
    expect(items.find((s) => s.name === 'X: vigie')?.account?.status).toBe('needs_reauth');
  });
});
