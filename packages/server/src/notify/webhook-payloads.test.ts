import { describe, expect, it } from 'vitest';
import { buildDigest } from './build-digest';
import { idempotencyKey, nextAttempt, OUTBOX_POLICY, seededRandom } from './outbox-policy';
import { sampleNotification } from './sample-notification';
import { webhookPayload } from './webhook-payloads';

describe('chat payloads', () => {
  it('Slack: fallback text and Block Kit blocks, with mention text unable to ping or inject links', () => {
    const payload = webhookPayload(sampleNotification(), 'slack') as { text: string; blocks: { type: string; text?: { type: string; text: string } }[] };
    expect(payload.text).toContain('Nouvel épisode');
    expect(payload.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    const section = payload.blocks[1]?.text?.text ?? '';
    expect(section).toContain('&lt;!channel&gt;');
    expect(section).not.toContain('<!channel>');
    expect(section).toContain('@\u200ball');
  });

  it('Mattermost: Markdown text and a coloured attachment with fields, markdown and @all neutralised', () => {
    const payload = webhookPayload(sampleNotification(), 'mattermost') as { text: string; attachments: { color: string; fallback: string; text: string; fields: unknown[]; title_link: string }[] };
    const attachment = payload.attachments[0];
    expect(attachment?.color).toBe('#b91c1c');
    expect(attachment?.title_link).toBe('https://vigie.example/#/alerts/episodes/e1');
    expect(attachment?.text).toContain('\\*\\*gras\\*\\*');
    expect(attachment?.text).not.toMatch(/(^|[^\u200b])@all/);
    expect(attachment?.fields.length).toBeGreaterThan(0);
  });

  it('Teams: a message with one Adaptive Card attachment', () => {
    const payload = webhookPayload(sampleNotification({ locale: 'en' }), 'teams') as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { type: string; text?: string }[]; actions: unknown[] } }[] };
    expect(payload.type).toBe('message');
    expect(payload.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = payload.attachments[0]?.content;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card?.body[0]?.text).toContain('New episode');
    expect(card?.actions).toHaveLength(1);
  });
});

describe('outbox policy', () => {
  it('backs off exponentially with equal jitter, caps at 6 h, honours Retry-After, gives up after 12 attempts', () => {
    expect(nextAttempt(1, 'HTTP 500', 0, () => 0)).toEqual({ delayMs: 15_000 });
    expect(nextAttempt(1, 'HTTP 500', 0, () => 1)).toEqual({ delayMs: 30_000 });
    expect(nextAttempt(4, 'HTTP 500', 0, () => 1)).toEqual({ delayMs: 240_000 });
    expect(nextAttempt(11, 'HTTP 500', 0, () => 1)).toEqual({ delayMs: OUTBOX_POLICY.capMs });
    expect(nextAttempt(2, 'HTTP 429', 600_000, () => 0.5)).toEqual({ delayMs: 600_000 });
    expect(nextAttempt(12, 'HTTP 500', 0, () => 0.5)).toEqual({ giveUp: 'HTTP 500 (12 attempts)' });
  });

  it('draws the same jitter from the same seed, and different jitter for different notifications', () => {
    expect(seededRandom('k#1')()).toBe(seededRandom('k#1')());
    expect(seededRandom('k#1')()).not.toBe(seededRandom('k#2')());
  });

  it('gives one idempotency key per rule, episode, channel, recipient and revision', () => {
    const parts = { ruleId: 'r1', episodeId: 'e1', channel: 'email', recipient: 'CM@velotys.example', revision: 1 };
    expect(idempotencyKey(parts)).toMatch(/^ntf_[0-9a-f]{32}$/);
    expect(idempotencyKey(parts)).toBe(idempotencyKey({ ...parts, recipient: 'cm@velotys.example' }));
    expect(idempotencyKey(parts)).not.toBe(idempotencyKey({ ...parts, revision: 2 }));
    expect(idempotencyKey(parts)).not.toBe(idempotencyKey({ ...parts, channel: 'webhook' }));
  });
});

describe('digest', () => {
  it('renders a weekly French digest with an SVG chart, a figures table and escaped names', () => {
    const episode = { kind: 'crisis', explanation: sampleNotification().episode?.explanation } as never;
    const digest = buildDigest({
      period: 'weekly', locale: 'fr', from: '2026-11-16T00:00:00Z', to: '2026-11-22T23:00:00Z', timeZone: 'Europe/Paris',
      topics: [{ name: 'Velotys <b>', color: '#0f766e', counts: [10, 12, 80, 30, 14, 9, 8], negativeShare: 0.4 }],
      labels: ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'],
      episodes: [episode],
    });
    expect(digest.subject).toBe('Vigie — Résumé de la semaine (16 nov. – 23 nov.)');
    expect(digest.html).toContain('<svg');
    expect(digest.html).toContain('Velotys &lt;b&gt;');
    expect(digest.html).not.toContain('Velotys <b>');
    expect(digest.text).toContain('Velotys <b> : 163 mentions, négatif 40 %');
    expect(digest.html).toContain('Crise sur « Velotys Ondine »');
  });
});
