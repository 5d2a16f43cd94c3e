/**
 * `vigie guard` and `vigie inbox list`: the first guard call through the real `vigie` binary (a real
 * process's streams and exit code); the others in-process through `runCli`, same streams captured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '@vigie/server';
import { vigieInProcess, vigieSpawned, type CliResult } from '../testing/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-inbox-'));
let server: StartedServer | undefined;

const vigie = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => vigieInProcess(args, { env: { VIGIE_DATA_DIR: join(dir, 'cli'), ...env } });
const spawned = (args: string[]): Promise<CliResult> => vigieSpawned(args, { env: { VIGIE_DATA_DIR: join(dir, 'cli') } });

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('vigie guard and vigie inbox', () => {
  it('prints the verdict JSON and exits 0 whatever the verdict', async () => {
    const held = await spawned(['guard', '--lang', 'fr', 'Votre commande CMD-458712 est bloquée, appelez le 06 12 34 56 78']);
    expect(held.code).toBe(0);
    const verdict = JSON.parse(held.stdout) as { verdict: string; reasons: { code: string; message: string }[] };
    expect(Object.keys(verdict)).toEqual(['verdict', 'reasons', 'suggestions', 'scores']);
    expect(verdict.verdict).toBe('hold');
    expect(verdict.reasons.some((r) => r.code === 'personal_data' && r.message.length > 0)).toBe(true);
    const ok = await vigie(['guard', '--network', 'x', '--reply-to', 'Vous livrez en Belgique ?', 'Oui, nous livrons en Belgique en 3 jours.']);
    expect(JSON.parse(ok.stdout)).toMatchObject({ verdict: 'ok' });
  });

  it('refuses bad input with a clear message and exit 2', async () => {
    const bad = await vigie(['guard', '--network', 'myspace', '--lang', 'de', 'Bonjour']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/network/);
    expect(bad.stderr).toMatch(/lang/);
  });

  it('lists the inbox of a running Vigie', async () => {
    server = await startServer({ dataDir: join(dir, 'server'), port: 0, demo: false, worker: false, logLevel: 'silent' });
    await server.vigie.ingest(server.vigie.defaultWorkspace.id, [
      { connector: 'mastodon', externalId: 'q1', url: 'https://piaille.fr/@a/q1', author: { handle: '@a@piaille.fr' }, text: 'Est-ce que vous livrez en Belgique ?', lang: 'fr', kind: 'post', publishedAt: new Date().toISOString(), engagement: {}, raw: {} },
    ]);
    await server.vigie.inboxWorker.idle();
    // The token a script would use: `vigie tokens create` on the server's data folder, then VIGIE_TOKEN.
    const created = await vigie(['tokens', 'create', '--name', 'cli', '--role', 'analyst', '--data', join(dir, 'server')]);
    expect(created.code).toBe(0);
    const auth = { VIGIE_TOKEN: created.stdout.trim() };
    const list = await vigie(['inbox', 'list', '--url', server.url], auth);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/priority/);
    expect(list.stdout).toContain('Belgique');
    expect((await vigie(['inbox', 'list', '--view', 'nope', '--url', server.url], auth)).code).toBe(2);

    const refused = await vigie(['inbox', 'list', '--url', server.url], { VIGIE_TOKEN: 'vgt_not-a-real-token' });
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^vigie: the server refused the token: create one with `vigie tokens create --name cli --role analyst` and pass it with --token or VIGIE_TOKEN/);
  });
});
