import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';

describe('SMTP configuration of the e-mail channel', () => {
  it('reads VIGIE_SMTP_URL (STARTTLS or implicit TLS, credentials decoded) and VIGIE_MAIL_FROM', () => {
    expect(loadConfig({ VIGIE_SMTP_URL: 'smtp://alerts%40acme:p%40ss@mail.acme.example:2525', VIGIE_MAIL_FROM: 'Vigie <alerts@acme.example>' })).toMatchObject({
      smtp: { host: 'mail.acme.example', port: 2525, secure: false, auth: { user: 'alerts@acme', pass: 'p@ss' } },
      mailFrom: 'Vigie <alerts@acme.example>',
    });
    expect(loadConfig({ VIGIE_SMTP_URL: 'smtps://mail.acme.example' }).smtp).toEqual({ host: 'mail.acme.example', port: 465, secure: true });
    expect(loadConfig({}).smtp).toBeUndefined();
  });

  it('refuses another scheme, naming the variable', () => {
    expect(() => loadConfig({ VIGIE_SMTP_URL: 'http://mail.acme.example' })).toThrow(expect.objectContaining({ code: 'config_invalid', details: [expect.objectContaining({ field: 'VIGIE_SMTP_URL' })] }));
  });
});
