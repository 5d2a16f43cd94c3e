import { describe, expect, it } from 'vitest';
import { AppError } from '@vigie/core';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that start Vigie on SQLite with the demo, refusing private URLs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', demo: true, allowPrivateUrls: false, worker: true, databaseUrl: undefined });
    expect(config.dataDir).toMatch(/vigie-data$/);
  });

  it('lists every problem at once, each with its variable', () => {
    let error: unknown;
    try {
      loadConfig({ VIGIE_PORT: 'eighty', VIGIE_DEMO: 'maybe', VIGIE_DATABASE_URL: 'mysql://x', VIGIE_LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('config_invalid');
    expect(appError.details.map((d) => d.field).sort()).toEqual(['VIGIE_DATABASE_URL', 'VIGIE_DEMO', 'VIGIE_LOG_LEVEL', 'VIGIE_PORT']);
    expect(appError.message).toContain('VIGIE_PORT: expected a whole number from 0 to 65535, got "eighty"');
  });

  it('lets explicit options (CLI flags) win over the environment', () => {
    const config = loadConfig({ VIGIE_PORT: '5000', VIGIE_DEMO: '1', VIGIE_ALLOW_PRIVATE_URLS: 'yes' }, { port: 4100, demo: false });
    expect(config.port).toBe(4100);
    expect(config.demo).toBe(false);
    expect(config.allowPrivateUrls).toBe(true);
  });
});
