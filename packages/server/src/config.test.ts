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

  it('builds links from VIGIE_PUBLIC_URL, or from the host and port people can open', () => {
    expect(loadConfig({}).publicUrl).toBe('http://127.0.0.1:4000');
    expect(loadConfig({ VIGIE_HOST: '0.0.0.0', VIGIE_PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({}, { port: 4100 }).publicUrl).toBe('http://127.0.0.1:4100');
    expect(loadConfig({ VIGIE_PUBLIC_URL: 'https://vigie.example.org/' }).publicUrl).toBe('https://vigie.example.org');
    expect(loadConfig({ VIGIE_PUBLIC_URL: 'https://example.org/vigie/' }).publicUrl).toBe('https://example.org/vigie');
    for (const bad of ['vigie.example.org', 'ftp://example.org', 'https://example.org/?a=1', 'https://u:p@example.org']) {
      expect(() => loadConfig({ VIGIE_PUBLIC_URL: bad }), bad).toThrow(/VIGIE_PUBLIC_URL/);
    }
  });

  it('ignores forwarding headers unless VIGIE_TRUST_PROXY is set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ VIGIE_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(() => loadConfig({ VIGIE_TRUST_PROXY: 'maybe' })).toThrow(/VIGIE_TRUST_PROXY/);
  });
});

describe('loadConfig — OAuth apps', () => {
  it('reads each network’s client id and secret, and refuses one without the other', () => {
    const config = loadConfig({ VIGIE_OAUTH_X_CLIENT_ID: 'x-id', VIGIE_OAUTH_X_CLIENT_SECRET: 'x-secret', VIGIE_OAUTH_GOOGLE_CLIENT_ID: ' g-id ', VIGIE_OAUTH_GOOGLE_CLIENT_SECRET: 'g-secret' });
    expect(config.oauth).toEqual({ x: { clientId: 'x-id', clientSecret: 'x-secret' }, google: { clientId: 'g-id', clientSecret: 'g-secret' } });
    expect(loadConfig({}).oauth).toEqual({});
    expect(() => loadConfig({ VIGIE_OAUTH_REDDIT_CLIENT_ID: 'r-id' })).toThrow(/VIGIE_OAUTH_REDDIT_CLIENT_SECRET: set both/);
  });
});

describe('loadConfig — OIDC sign-in', () => {
  const oidc = { VIGIE_OIDC_ISSUER: 'https://sso.example.org/realms/acme', VIGIE_OIDC_CLIENT_ID: 'vigie', VIGIE_OIDC_CLIENT_SECRET: 's3cret' };

  it('is off by default and on with issuer, client id and secret; the label and auto-create are optional', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig(oidc).oidc).toEqual({ issuer: 'https://sso.example.org/realms/acme', clientId: 'vigie', clientSecret: 's3cret', name: 'SSO', autoCreate: false });
    expect(loadConfig({ ...oidc, VIGIE_OIDC_NAME: 'Keycloak', VIGIE_OIDC_AUTO_CREATE: '1' }).oidc).toMatchObject({ name: 'Keycloak', autoCreate: true });
  });

  it('refuses a partial setup, naming what is missing', () => {
    expect(() => loadConfig({ VIGIE_OIDC_ISSUER: oidc.VIGIE_OIDC_ISSUER })).toThrow(/VIGIE_OIDC_CLIENT_ID: set .*VIGIE_OIDC_CLIENT_SECRET: set/);
    expect(() => loadConfig({ ...oidc, VIGIE_OIDC_AUTO_CREATE: 'maybe' })).toThrow(/VIGIE_OIDC_AUTO_CREATE/);
  });

  it('wants an https issuer (http only on localhost)', () => {
    for (const bad of ['sso.example.org', 'http://sso.example.org', 'ftp://sso.example.org', 'https://sso.example.org/?x=1']) {
      expect(() => loadConfig({ ...oidc, VIGIE_OIDC_ISSUER: bad }), bad).toThrow(/VIGIE_OIDC_ISSUER/);
    }
    expect(loadConfig({ ...oidc, VIGIE_OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.issuer).toBe('http://127.0.0.1:9000');
  });
});
