import { afterEach, describe, expect, it } from 'vitest';
import { parseAlertRule, type RollupRow } from '@vigie/core';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { digestEntries, digestPeriod } from './alert-digest.job';

let opened: TestVigie | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

describe('digests', () => {
  it('covers the previous local day, and a weekly one only on Mondays (the week before)', () => {
    const tuesday = Date.parse('2026-11-17T05:00:00Z'); // 06:00 in Paris
    expect(digestPeriod('daily', tuesday, 'Europe/Paris')).toEqual({ from: Date.parse('2026-11-15T23:00:00Z'), to: Date.parse('2026-11-16T23:00:00Z') });
    expect(digestPeriod('weekly', tuesday, 'Europe/Paris')).toBeUndefined();
    const monday = Date.parse('2026-11-16T05:00:00Z');
    expect(digestPeriod('weekly', monday, 'Europe/Paris')).toEqual({ from: Date.parse('2026-11-08T23:00:00Z'), to: Date.parse('2026-11-15T23:00:00Z') });
  });

  it('one e-mail per recipient with the day’s figures and chart, enqueued once however often it is asked', async () => {
    opened = await createTestVigie();
    const { store, defaultWorkspace } = opened.vigie;
    const topic = await store.topics.create(defaultWorkspace.id, { name: 'Velotys Ondine', kind: 'product', queries: [{ text: 'ondine' }] });
    const rule = await store.alertRules.create(defaultWorkspace.id, parseAlertRule({
      name: 'Ondine', scope: { kind: 'topic', id: topic.id }, detectors: ['volume_spike'], channels: [{ kind: 'in_app' }],
      digest: 'daily', recipients: ['cm@velotys.example', 'boss@velotys.example'], locale: 'fr',
    }));
    const rows: RollupRow[] = [8, 9, 10].map((h) => ({ scope: 'topic', scopeId: topic.id, granularity: '1h', bucketStart: `2026-11-16T${String(h).padStart(2, '0')}:00:00.000Z`, count: 4, authors: 4, negative: 1, positive: 1, neutral: 2, reach: 100 }));
    await store.rollups.increment(defaultWorkspace.id, rows);

    const now = Date.parse('2026-11-17T05:00:00Z');
    const entries = await digestEntries(store, defaultWorkspace.id, [rule], now, 'Europe/Paris');
    expect(entries.map((e) => e.target)).toEqual([{ kind: 'email', to: 'cm@velotys.example' }, { kind: 'email', to: 'boss@velotys.example' }]);
    expect(entries[0]?.notification.digest?.text).toContain('Velotys Ondine : 12 mentions, négatif 25 %');
    expect(entries[0]?.notification.digest?.html).toContain('<svg');
    expect(await store.outbox.enqueue(entries)).toBe(2);
    expect(await store.outbox.enqueue(await digestEntries(store, defaultWorkspace.id, [rule], now + 3_600_000, 'Europe/Paris'))).toBe(0);
  });
});
