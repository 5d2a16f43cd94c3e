import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { isQuietTime, parseAlertRule, quietUntil } from './alert-rule';

const valid = { name: 'Ondine', scope: { kind: 'topic', id: 't1' }, detectors: ['volume_spike'], channels: [{ kind: 'in_app' }] };

function detailsOf(input: unknown): { field?: string; message: string }[] {
  try {
    parseAlertRule(input);
  } catch (error) {
    if (error instanceof AppError) return error.details;
    throw error;
  }
  throw new Error('expected the rule to be refused');
}

describe('alert rules', () => {
  it('applies defaults to a minimal rule', () => {
    expect(parseAlertRule(valid)).toMatchObject({ sensitivity: 'normal', cooldownMinutes: 60, digest: 'none', locale: 'fr', enabled: true, recipients: [] });
  });

  it('refuses impossible settings, each with its field and a bilingual reason', () => {
    const details = detailsOf({
      ...valid,
      name: ' ',
      detectors: ['volume_spike', 'volume_spike'],
      cooldownMinutes: -5,
      quietHours: { from: '22:00', to: '22:00', timeZone: 'Mars/Olympus' },
      channels: [{ kind: 'email' }, { kind: 'webhook', url: 'ftp://hooks.example/x' }, { kind: 'webhook', url: 'https://hooks.example/x', secret: 'short' }],
      recipients: ['not-an-address'],
    });
    const fields = details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining([
      'name', 'detectors', 'cooldownMinutes', 'quietHours.to', 'quietHours.timeZone', 'channels.1.url', 'channels.2.secret', 'recipients.0',
    ]));
    expect(details.find((d) => d.field === 'cooldownMinutes')?.message).toBe('cannot be negative / ne peut être négatif');
  });

  it('asks for a recipient when e-mail or a digest is chosen', () => {
    expect(detailsOf({ ...valid, digest: 'weekly' })).toEqual([{ field: 'recipients', message: expect.stringContaining('recipient') }]);
    expect(parseAlertRule({ ...valid, digest: 'weekly', recipients: ['cm@velotys.example'] }).digest).toBe('weekly');
  });

  it('holds notifications during quiet hours that span midnight, in the rule’s zone', () => {
    const quiet = { from: '22:00', to: '07:00', timeZone: 'Europe/Paris' };
    expect(isQuietTime(quiet, Date.parse('2026-11-17T23:30:00Z'))).toBe(true); // 00:30 in Paris
    expect(isQuietTime(quiet, Date.parse('2026-11-17T12:00:00Z'))).toBe(false);
    expect(new Date(quietUntil(quiet, Date.parse('2026-11-17T23:30:00Z'))).toISOString()).toBe('2026-11-18T06:00:00.000Z');
    expect(quietUntil(quiet, Date.parse('2026-11-17T12:00:00Z'))).toBe(Date.parse('2026-11-17T12:00:00Z'));
  });
});
