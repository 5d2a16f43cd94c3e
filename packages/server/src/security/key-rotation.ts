/**
 * Rotation of the key that seals secrets at rest (`vigie secrets rotate`): source and account
 * credentials, intake secrets, alert webhook secrets (and the pending deliveries that carry them). A new key becomes the
 * current one, the old one stays as a previous key (still opens, never seals), and every sealed
 * secret is re-sealed with the new key, one row at a time: a crash halfway leaves each row
 * readable with one key or the other, and running the rotation again finishes the job.
 *
 * Two modes, as the key was configured:
 * - key file (VIGIE_SECRET_KEY unset, SQLite): the new key is written to `secret.key` (0600) after
 *   the old one is appended to `secret.previous-keys`, then everything is re-sealed.
 * - environment (VIGIE_SECRET_KEY set): Vigie cannot change its own environment. Without a new key
 *   it generates one and prints the variables to set; with `--new-key` it re-seals with it.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type AuditActor, type Store } from '@vigie/core';
import type { Config } from '../config';
import { createSecretBox, type SecretBox } from './secret-box';
import { PREVIOUS_KEYS_FILE, readPreviousKeyFile, SEALED, SECRET_KEY_FILE } from './source-secrets';

/** What one holder re-sealed in one workspace: values moved to the new key, values no configured key opens. */
export interface ResealCount {
  resealed: number;
  unreadable: number;
}

/**
 * A kind of stored record that holds sealed secrets. Each re-seals its own rows with `box`
 * (current = the new key, previous = the older ones); a row is written only when it changed.
 */
export interface SealedSecretHolder {
  name: string;
  reseal(store: Store, workspaceId: string, box: SecretBox): Promise<ResealCount>;
}

/** Re-seals the `vigie-sealed:` values of a stored config (sources, accounts). */
function resealConfig(box: SecretBox, config: Record<string, unknown>, count: ResealCount): Record<string, unknown> | undefined {
  let changed = false;
  const next = { ...config };
  for (const [field, value] of Object.entries(config)) {
    if (typeof value !== 'string' || !value.startsWith(SEALED)) continue;
    const sealed = value.slice(SEALED.length);
    if (!box.isStale(sealed)) continue;
    try {
      next[field] = SEALED + box.seal(box.open(sealed));
      changed = true;
      count.resealed += 1;
    } catch {
      count.unreadable += 1;
    }
  }
  return changed ? next : undefined;
}

/** Intakes keep their signing secret sealed (without the config prefix) in a workspace setting. */
interface StoredIntake {
  sealedSecret: string;
}

/** Re-seals the sealed fields of each record's `config` (sources, accounts), one row at a time. */
async function resealConfigs(
  box: SecretBox,
  records: Promise<{ id: string; config: Record<string, unknown> }[]>,
  save: (id: string, config: Record<string, unknown>) => Promise<unknown>,
): Promise<ResealCount> {
  const count: ResealCount = { resealed: 0, unreadable: 0 };
  for (const record of await records) {
    const config = resealConfig(box, record.config, count);
    if (config) await save(record.id, config);
  }
  return count;
}

/**
 * Every place a secret is sealed. A new kind of sealed record adds its holder here.
 *
 * @example
 * for (const holder of SEALED_SECRET_HOLDERS) await holder.reseal(store, workspaceId, box);
 */
export const SEALED_SECRET_HOLDERS: readonly SealedSecretHolder[] = [
  {
    name: 'sources',
    reseal: (store, workspaceId, box) =>
      resealConfigs(box, store.sources.list(workspaceId), (id, config) => store.sources.update(workspaceId, id, { config })),
  },
  {
    name: 'accounts',
    reseal: (store, workspaceId, box) =>
      resealConfigs(box, store.accounts.list(workspaceId), (id, config) => store.accounts.update(workspaceId, id, { config })),
  },
  {
    name: 'intakes',
    async reseal(store, workspaceId, box) {
      const count = { resealed: 0, unreadable: 0 };
      const intakes = (await store.settings.get<StoredIntake[]>(workspaceId, 'intakes')) ?? [];
      let changed = false;
      const next = intakes.map((intake) => {
        if (!box.isStale(intake.sealedSecret)) return intake;
        try {
          const resealed = { ...intake, sealedSecret: box.seal(box.open(intake.sealedSecret)) };
          changed = true;
          count.resealed += 1;
          return resealed;
        } catch {
          count.unreadable += 1;
          return intake;
        }
      });
      if (changed) await store.settings.set(workspaceId, 'intakes', next);
      return count;
    },
  },
  {
    name: 'alert rules',
    async reseal(store, workspaceId, box) {
      const count = { resealed: 0, unreadable: 0 };
      for (const rule of await store.alertRules.list(workspaceId)) {
        let changed = false;
        const channels = rule.channels.map((channel) => {
          if (channel.kind !== 'webhook' || channel.secret === undefined) return channel;
          const secret = resealWebhookSecret(box, channel.secret, count);
          if (secret === channel.secret) return channel;
          changed = true;
          return { ...channel, secret };
        });
        if (!changed) continue;
        const { id: _id, createdAt: _created, updatedAt: _updated, ...stored } = rule;
        await store.alertRules.update(workspaceId, rule.id, { ...stored, channels });
      }
      return count;
    },
  },
  {
    name: 'alert deliveries',
    async reseal(store, workspaceId, box) {
      const count = { resealed: 0, unreadable: 0 };
      // Deliveries still to send carry the rule's sealed secret; sent and dead ones are never signed again.
      for (const entry of await store.outbox.listByWorkspace(workspaceId, { statuses: ['pending', 'failing'], limit: 100_000 })) {
        const target = entry.target;
        if (target.kind !== 'webhook' || target.secret === undefined) continue;
        const secret = resealWebhookSecret(box, target.secret, count);
        if (secret !== target.secret) await store.outbox.update(entry.key, { target: { ...target, secret } });
      }
      return count;
    },
  },
];

/**
 * A webhook secret with the new key: a stale sealed value is re-sealed, a clear one (stored before
 * secrets were sealed) is sealed; unchanged when already current or when no key opens it.
 */
function resealWebhookSecret(box: SecretBox, stored: string, count: ResealCount): string {
  if (stored.startsWith(SEALED) && !box.isStale(stored.slice(SEALED.length))) return stored;
  try {
    const resealed = SEALED + box.seal(stored.startsWith(SEALED) ? box.open(stored.slice(SEALED.length)) : stored);
    count.resealed += 1;
    return resealed;
  } catch {
    count.unreadable += 1;
    return stored;
  }
}

export interface RotationReport {
  mode: 'key-file' | 'environment';
  /** False in environment mode without `--new-key`: only the new values were generated. */
  resealed: boolean;
  /** Per holder, over every workspace. */
  counts: Record<string, ResealCount>;
  /** Environment mode: the values to set (the new key and the keys to keep for reading). */
  environment?: { VIGIE_SECRET_KEY: string; VIGIE_PREVIOUS_SECRET_KEYS: string };
  /** Key-file mode: where the keys are. */
  keyFile?: string;
  previousKeysFile?: string;
}

export interface RotationOptions {
  /** The key to rotate to (required to re-seal in environment mode); default: a fresh random key. */
  newKey?: Buffer;
  actor: AuditActor;
  now?: () => Date;
  /** The holders to re-seal (tests); default: every holder. */
  holders?: readonly SealedSecretHolder[];
}

const hex = (key: Buffer): string => key.toString('hex');

/** Distinct keys, in order, without `except`. */
function distinct(keys: Buffer[], except: Buffer): Buffer[] {
  const seen = new Set<string>([hex(except)]);
  return keys.filter((key) => !seen.has(hex(key)) && seen.add(hex(key)));
}

/** Writes a file through a temporary one and a rename, so a crash leaves the old or the new content, never half. */
function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  const fd = openSync(temporary, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temporary, file);
}

/** Appends the old key to the previous-keys file (0600) and syncs it before anything is sealed with the new key. */
function keepPreviousKey(dataDir: string, key: Buffer): string {
  const file = join(dataDir, PREVIOUS_KEYS_FILE);
  if (!readPreviousKeyFile(dataDir).some((k) => k.equals(key))) {
    appendFileSync(file, `${hex(key)}\n`, { mode: 0o600 });
    const fd = openSync(file, 'r');
    fsyncSync(fd);
    closeSync(fd);
  }
  return file;
}

/** Re-seals every holder in every workspace with `box`: totals per holder, and per workspace (for its audit log). */
async function resealAll(store: Store, box: SecretBox, holders: readonly SealedSecretHolder[]) {
  const counts: Record<string, ResealCount> = Object.fromEntries(holders.map((h) => [h.name, { resealed: 0, unreadable: 0 }]));
  const perWorkspace = new Map<string, Record<string, ResealCount>>();
  for (const workspace of await store.workspaces.list()) {
    const mine: Record<string, ResealCount> = {};
    for (const holder of holders) {
      const count = await holder.reseal(store, workspace.id, box);
      mine[holder.name] = count;
      const total = counts[holder.name] ?? { resealed: 0, unreadable: 0 };
      counts[holder.name] = { resealed: total.resealed + count.resealed, unreadable: total.unreadable + count.unreadable };
    }
    perWorkspace.set(workspace.id, mine);
  }
  return { counts, perWorkspace };
}

/**
 * Rotates the secret key (see the file comment for the two modes) and records `secrets.rotate`
 * in the audit log of every workspace. Run it with Vigie stopped, or restart Vigie right after: a running process
 * keeps the key it started with and cannot open what was re-sealed with the new one.
 *
 * @example
 * const report = await rotateSecretKey({ config, store }, { actor: { kind: 'cli', label: 'vigie secrets rotate' } });
 * report.counts.sources; // { resealed: 3, unreadable: 0 }
 */
export async function rotateSecretKey(deps: { config: Config; store: Store }, options: RotationOptions): Promise<RotationReport> {
  const { config, store } = deps;
  const now = options.now ?? (() => new Date());
  const holders = options.holders ?? SEALED_SECRET_HOLDERS;
  if (options.newKey && options.newKey.length !== 32) throw new AppError('validation_failed', 'a secret key is 32 bytes (64 hexadecimal characters)', [{ field: 'newKey', message: 'expected 64 hexadecimal characters' }]);
  let report: RotationReport;
  let resealed: Awaited<ReturnType<typeof resealAll>>;

  if (config.secretKey) {
    const newKey = options.newKey ?? randomBytes(32);
    const keep = distinct([config.secretKey, ...config.previousSecretKeys, ...readPreviousKeyFile(config.dataDir)], newKey);
    const environment = { VIGIE_SECRET_KEY: hex(newKey), VIGIE_PREVIOUS_SECRET_KEYS: keep.map(hex).join(',') };
    if (!options.newKey) return { mode: 'environment', resealed: false, counts: {}, environment };
    resealed = await resealAll(store, createSecretBox({ current: newKey, previous: keep }), holders);
    report = { mode: 'environment', resealed: true, counts: resealed.counts, environment };
  } else {
    const keyFile = join(config.dataDir, SECRET_KEY_FILE);
    const oldKey = existsSync(keyFile) ? Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex') : undefined;
    const newKey = options.newKey ?? randomBytes(32);
    let previousKeysFile = join(config.dataDir, PREVIOUS_KEYS_FILE);
    // Order matters for a crash: the old key is kept before the new one replaces it.
    if (oldKey && !oldKey.equals(newKey)) previousKeysFile = keepPreviousKey(config.dataDir, oldKey);
    if (!oldKey?.equals(newKey)) writeAtomically(keyFile, hex(newKey));
    const previous = distinct([...(oldKey ? [oldKey] : []), ...config.previousSecretKeys, ...readPreviousKeyFile(config.dataDir)], newKey);
    resealed = await resealAll(store, createSecretBox({ current: newKey, previous }), holders);
    report = { mode: 'key-file', resealed: true, counts: resealed.counts, keyFile, previousKeysFile };
  }

  // One entry per workspace, so each workspace's admins see it in their audit log.
  for (const [workspaceId, counts] of resealed.perWorkspace) {
    await store.audit.append({ workspaceId, at: now().toISOString(), actor: options.actor, action: 'secrets.rotate', details: { mode: report.mode, counts } });
  }
  return report;
}
