/**
 * `vigie secrets rotate`: after a rotation every sealed secret (source and account credentials,
 * intake secrets) opens with the new key alone, the old key is kept for reading, Vigie restarted on the
 * data folder still polls with the right credential, a crash halfway loses nothing, and the
 * environment mode prints what to set instead of touching files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '@vigie/core';
import { loadConfig, type Config } from '../config';
import { createVigie, type Vigie } from '../create-vigie';
import { createLogger } from '../logger';
import { createIntakeService } from '../services/intake-service';
import { createSourceService } from '../services/source-service';
import { rotateSecretKey, SEALED_SECRET_HOLDERS } from './key-rotation';
import { createSecretBox } from './secret-box';
import { SEALED, sealSecrets } from './source-secrets';

const TOKEN = 'mastodon-token-0123456789-abcdef';
const X_TOKEN = 'x-bearer-0123456789-abcdefghijkl';
const ACCOUNT_TOKEN = 'account-token-0123456789-abcdef';
const actor = { kind: 'cli' as const, label: 'vigie secrets rotate' };

const sealedIn = (config: Record<string, unknown>): string[] => Object.values(config).filter((v): v is string => typeof v === 'string' && v.startsWith(SEALED)).map((v) => v.slice(SEALED.length));

/** Every sealed value of the data folder: source and account config fields, intake secrets. */
async function sealedValues(store: Store, workspaceId: string): Promise<string[]> {
  const sources = (await store.sources.list(workspaceId)).flatMap((s) => sealedIn(s.config));
  const accounts = (await store.accounts.list(workspaceId)).flatMap((a) => sealedIn(a.config));
  const intakes = ((await store.settings.get<{ sealedSecret: string }[]>(workspaceId, 'intakes')) ?? []).map((i) => i.sealedSecret);
  return [...sources, ...accounts, ...intakes];
}

describe('secret key rotation', () => {
  let dataDir: string;
  let feed: Server;
  let origin: string;
  const seen: IncomingHttpHeaders[] = [];
  const opened: Vigie[] = [];
  const open = async (overrides: Partial<Config> = {}, env: Record<string, string> = {}) => {
    const vigie = await createVigie(loadConfig(env, { dataDir, demo: false, worker: false, allowPrivateUrls: true, logLevel: 'silent', ...overrides }), { log: createLogger('silent') });
    opened.push(vigie);
    return vigie;
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigie-rotate-'));
    feed = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const vigie of opened.splice(0)) await vigie.close();
    await new Promise<void>((resolve) => feed.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A Vigie with two credentials in sources and one intake secret. */
  async function seeded(vigie: Vigie) {
    const ws = vigie.defaultWorkspace.id;
    const sources = createSourceService(vigie);
    const mastodon = await sources.create(ws, { connector: 'mastodon', config: { instance: origin, hashtag: 'vigie', token: TOKEN } });
    await sources.create(ws, { connector: 'x', config: { query: 'vigie', bearerToken: X_TOKEN } });
    await vigie.store.accounts.create(ws, { connector: 'mastodon', name: 'Piaille', config: sealSecrets(vigie.secrets, ['token'], { instance: origin, token: ACCOUNT_TOKEN }) });
    const intake = await createIntakeService(vigie).create(ws, 'Zapier');
    return { ws, mastodon, intakeSecret: intake.secret };
  }

  it('key file: re-seals everything with the new key alone, keeps the old one for reading, and Vigie still polls', async () => {
    const before = await open();
    const { ws, mastodon, intakeSecret } = await seeded(before);
    const oldKey = readFileSync(join(dataDir, 'secret.key'), 'utf8').trim();

    const report = await rotateSecretKey(before, { actor });
    expect(report).toMatchObject({ mode: 'key-file', resealed: true, counts: { sources: { resealed: 2, unreadable: 0 }, intakes: { resealed: 1, unreadable: 0 }, accounts: { resealed: 1, unreadable: 0 } } });

    const newKey = readFileSync(join(dataDir, 'secret.key'), 'utf8').trim();
    expect(newKey).toMatch(/^[0-9a-f]{64}$/);
    expect(newKey).not.toBe(oldKey);
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'secret.previous-keys'), 'utf8').trim().split('\n')).toEqual([oldKey]);

    const newOnly = createSecretBox({ current: Buffer.from(newKey, 'hex') });
    const values = await sealedValues(before.store, ws);
    expect(values).toHaveLength(4);
    expect(values.map((v) => newOnly.open(v)).sort()).toEqual([TOKEN, X_TOKEN, ACCOUNT_TOKEN, intakeSecret].sort());
    const oldOnly = createSecretBox({ current: Buffer.from(oldKey, 'hex') });
    for (const v of values) expect(() => oldOnly.open(v)).toThrow();

    // Restarted on the same data folder: the new key file is read, the poll sends the right token.
    const after = await open();
    const source = await after.store.sources.get(ws, mastodon.id);
    const result = await after.pollSource(source!);
    expect(result.error).toBeUndefined();
    expect(seen.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);

    const audit = await after.store.audit.list(ws, { action: 'secrets.rotate' }, { limit: 10 });
    expect(audit.items).toMatchObject([{ actor: { kind: 'cli' }, details: { mode: 'key-file', counts: { sources: { resealed: 2 } } } }]);
  });

  it('a rotation that stops halfway loses nothing, and running it again finishes it', async () => {
    const vigie = await open();
    const { ws, intakeSecret } = await seeded(vigie);
    const [sources, , intakes] = SEALED_SECRET_HOLDERS;
    const crash = { name: 'crash', reseal: () => Promise.reject(new Error('power cut')) };
    await expect(rotateSecretKey(vigie, { actor, holders: [sources!, crash, intakes!] })).rejects.toThrow('power cut');

    // Sources carry the new key, the intake still the old one: a restart opens both.
    const restarted = await open();
    const values = await sealedValues(restarted.store, ws);
    expect(values.map((v) => restarted.secrets.open(v)).sort()).toEqual([TOKEN, X_TOKEN, ACCOUNT_TOKEN, intakeSecret].sort());

    await rotateSecretKey(restarted, { actor });
    const newest = createSecretBox({ current: Buffer.from(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim(), 'hex') });
    expect((await sealedValues(restarted.store, ws)).map((v) => newest.open(v)).sort()).toEqual([TOKEN, X_TOKEN, ACCOUNT_TOKEN, intakeSecret].sort());
    expect(readFileSync(join(dataDir, 'secret.previous-keys'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('environment: prints the values to set without touching anything, then re-seals with --new-key', async () => {
    const oldKey = 'a'.repeat(64);
    const env = { VIGIE_SECRET_KEY: oldKey };
    const vigie = await open({}, env);
    const { ws } = await seeded(vigie);
    const before = await sealedValues(vigie.store, ws);

    const planned = await rotateSecretKey(vigie, { actor });
    expect(planned).toMatchObject({ mode: 'environment', resealed: false, environment: { VIGIE_PREVIOUS_SECRET_KEYS: oldKey } });
    expect(planned.environment?.VIGIE_SECRET_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(await sealedValues(vigie.store, ws)).toEqual(before);
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);

    const newKey = Buffer.from(planned.environment!.VIGIE_SECRET_KEY, 'hex');
    const done = await rotateSecretKey(vigie, { actor, newKey });
    expect(done).toMatchObject({ mode: 'environment', resealed: true, counts: { sources: { resealed: 2 }, accounts: { resealed: 1 }, intakes: { resealed: 1 } } });
    const newOnly = createSecretBox({ current: newKey });
    expect((await sealedValues(vigie.store, ws)).map((v) => newOnly.open(v))).toHaveLength(4);

    // Started with the printed values, Vigie opens everything.
    const restarted = await open({}, { VIGIE_SECRET_KEY: planned.environment!.VIGIE_SECRET_KEY, VIGIE_PREVIOUS_SECRET_KEYS: planned.environment!.VIGIE_PREVIOUS_SECRET_KEYS });
    expect((await sealedValues(restarted.store, ws)).map((v) => restarted.secrets.open(v)).sort()).toContain(TOKEN);
  });
});
