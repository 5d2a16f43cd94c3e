import { describe, expect, it } from 'vitest';
import { NETWORK_LIMITS, measureLength, weightedLength } from './network-limits';

describe('network limits', () => {
  it('has the documented limits', () => {
    expect(NETWORK_LIMITS.x.maxChars).toBe(280);
    expect(NETWORK_LIMITS.bluesky.maxChars).toBe(300);
    expect(NETWORK_LIMITS.mastodon.maxChars).toBe(500);
    expect(NETWORK_LIMITS.linkedin).toMatchObject({ maxChars: 3000, maxReplyChars: 1250 });
    expect(NETWORK_LIMITS.facebook).toMatchObject({ maxChars: 63206, maxReplyChars: 8000 });
    expect(NETWORK_LIMITS.instagram).toMatchObject({ maxChars: 2200, maxHashtags: 30 });
  });
});

describe('X weighted length (twitter-text v3 rules)', () => {
  it('counts Latin text, accents and typographic punctuation once', () => {
    expect(weightedLength('Été à Noël — “oui”')).toBe(18);
  });

  it('counts CJK and emoji twice, an emoji sequence once', () => {
    expect(weightedLength('日本語')).toBe(6);
    expect(weightedLength('👍')).toBe(2);
    expect(weightedLength('👨‍👩‍👧')).toBe(2);
    expect(weightedLength('👍🏽')).toBe(2);
  });

  it('counts every URL as 23', () => {
    expect(weightedLength('Voir https://exemple.fr/une/adresse/vraiment/tres/longue/pour/le/test')).toBe(5 + 23);
    expect(weightedLength('a https://a.fr b https://b.fr')).toBe(5 + 46);
  });

  it('flags 281 weighted characters and passes 280', () => {
    expect(measureLength('a'.repeat(280), 'x')).toMatchObject({ chars: 280, limit: 280, weighted: true });
    expect(measureLength('日'.repeat(141), 'x').chars).toBe(282);
  });
});

describe('other networks', () => {
  it('Bluesky counts graphemes', () => {
    expect(measureLength('👨‍👩‍👧'.repeat(300), 'bluesky').chars).toBe(300);
    expect(measureLength('é'.normalize('NFD').repeat(10), 'bluesky').chars).toBe(10);
  });

  it('Mastodon counts URLs as 23', () => {
    expect(measureLength('Voir https://exemple.fr/une/adresse/vraiment/tres/longue', 'mastodon').chars).toBe(5 + 23);
  });

  it('LinkedIn comments have their own limit', () => {
    expect(measureLength('a', 'linkedin', true).limit).toBe(1250);
    expect(measureLength('a', 'linkedin').limit).toBe(3000);
  });

  it('counts hashtags and has no limit without a network', () => {
    expect(measureLength('#un #deux et #trois')).toMatchObject({ limit: null, hashtags: 3 });
  });
});
