import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { AnyConnector } from '@vigie/connectors';
import type { Config } from '../config';
import { createSecretBox, type SecretBox } from './secret-box';

/** Marks a sealed value inside a stored config, so reading never mistakes it for a real token. */
export const SEALED = 'vigie-sealed:';

/** Key file names in the data dir (key-file mode, when VIGIE_SECRET_KEY is unset). */
export const SECRET_KEY_FILE = 'secret.key';
/** Older keys, one hex key per line, still accepted for reading after `vigie secrets rotate`. */
export const PREVIOUS_KEYS_FILE = 'secret.previous-keys';

/** The keys of the previous-keys file of a data dir (none when there is no such file). */
export function readPreviousKeyFile(dataDir: string): Buffer[] {
  const file = join(dataDir, PREVIOUS_KEYS_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[0-9a-fA-F]{64}$/.test(line))
    .map((line) => Buffer.from(line, 'hex'));
}

/**
 * The encryption key: from the configuration, else a key file in the data dir (created with
 * mode 0600 on first start) so a laptop install encrypts its secrets without any setting. Older
 * keys (after a rotation) come from VIGIE_PREVIOUS_SECRET_KEYS and the data dir's previous-keys file.
 */
export function loadSecretBox(config: Config): SecretBox {
  let current = config.secretKey;
  if (!current) {
    const file = join(config.dataDir, SECRET_KEY_FILE);
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    current = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
  return createSecretBox({ current, previous: [...config.previousSecretKeys, ...readPreviousKeyFile(config.dataDir)] });
}

/** Top-level settings a connector marks secret (`.meta({ secret: true })` → JSON Schema `writeOnly`). */
export function secretFieldsOf(connector: Pick<AnyConnector, 'sourceConfig'>): string[] {
  const schema = z.toJSONSchema(connector.sourceConfig, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { writeOnly?: boolean; secret?: boolean }> };
  return Object.entries(schema.properties ?? {})
    .filter(([, p]) => p.writeOnly === true || p.secret === true)
    .map(([name]) => name);
}

/** Seals the secret fields of a config before it is stored; `previous` keeps secrets a patch leaves out. */
export function sealSecrets(box: SecretBox, fields: string[], config: Record<string, unknown>, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const sealed = { ...config };
  for (const field of fields) {
    const value = config[field];
    if (typeof value === 'string' && value !== '' && !value.startsWith(SEALED)) sealed[field] = SEALED + box.seal(value);
    else if (value === undefined && typeof previous[field] === 'string') sealed[field] = previous[field];
  }
  return sealed;
}

/** Opens sealed fields for the connector, right before a poll. */
export function openSecrets(box: SecretBox, config: Record<string, unknown>): Record<string, unknown> {
  const opened = { ...config };
  for (const [field, value] of Object.entries(config)) {
    if (typeof value === 'string' && value.startsWith(SEALED)) opened[field] = box.open(value.slice(SEALED.length));
  }
  return opened;
}

/** What the API shows of a config: secrets never leave, only the fact that they are set. */
export function redactSecrets(config: Record<string, unknown>): { config: Record<string, unknown>; secretsSet: string[] } {
  const shown: Record<string, unknown> = {};
  const secretsSet: string[] = [];
  for (const [field, value] of Object.entries(config)) {
    if (typeof value === 'string' && value.startsWith(SEALED)) secretsSet.push(field);
    else shown[field] = value;
  }
  return { config: shown, secretsSet };
}
