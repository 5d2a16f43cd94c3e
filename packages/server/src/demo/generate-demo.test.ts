import { describe, expect, it } from 'vitest';
import { CONNECTOR_IDS, isAppError, type MentionInput } from '@vigie/core';
import { generateDemoMentions } from './generate-demo';
import type { DemoRaw } from './to-mention-inputs';

const NOW = new Date('2026-11-26T04:12:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const demo = generateDemoMentions({ now: NOW });
const raw = (m: MentionInput) => m.raw as DemoRaw;
const at = (m: MentionInput) => Date.parse(m.publishedAt);

const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', weekday: 'short', day: '2-digit', hourCycle: 'h23' });
function parisOf(ms: number): { hour: number; minute: number; weekday: string; day: number } {
  const parts = Object.fromEntries(paris.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { hour: Number(parts.hour), minute: Number(parts.minute), weekday: String(parts.weekday), day: Number(parts.day) };
}

function inWindow(from: number, to: number): MentionInput[] {
  return demo.mentions.filter((m) => at(m) >= from && at(m) < to);
}

function share(mentions: MentionInput[], sentiment: DemoRaw['sentiment']): number {
  return mentions.filter((m) => raw(m).sentiment === sentiment).length / Math.max(1, mentions.length);
}

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function episode(kind: 'crisis' | 'buzz') {
  const found = demo.episodes.find((e) => e.kind === kind);
  if (!found) throw new Error(`no ${kind} episode`);
  return found;
}

describe('generateDemoMentions', () => {
  it('gives the same data for the same seed and the same hour, and other data for another seed', () => {
    const again = generateDemoMentions({ now: new Date('2026-11-26T04:59:59Z'), seed: 42 });
    expect(again).toEqual(demo);
    const other = generateDemoMentions({ now: NOW, seed: 43 });
    expect(other.mentions.slice(0, 50).map((m) => m.text)).not.toEqual(demo.mentions.slice(0, 50).map((m) => m.text));
  });

  it('produces about 5,000 mentions spread over the last 30 days, none in the future', () => {
    expect(demo.mentions.length).toBeGreaterThan(4_500);
    expect(demo.mentions.length).toBeLessThan(5_500);
    const days = new Set(demo.mentions.map((m) => Math.floor((NOW.getTime() - at(m)) / DAY)));
    expect([...days].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(Math.max(...demo.mentions.map(at))).toBeLessThanOrEqual(NOW.getTime());
  });

  it('scales to another target and history length', () => {
    const small = generateDemoMentions({ now: NOW, target: 1_000, days: 10 });
    expect(small.mentions.length).toBeGreaterThan(900);
    expect(small.mentions.length).toBeLessThan(1_100);
    expect(small.episodes.map((e) => e.kind)).toEqual(['crisis']);
    expect(Math.min(...small.mentions.map(at))).toBeGreaterThanOrEqual(Date.parse('2026-11-16T04:00:00Z'));
  });

  it('rejects invalid options with a validation error', () => {
    expect(() => generateDemoMentions({ now: new Date('nope') })).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    const error = captureError(() => generateDemoMentions({ now: NOW, days: 0, target: 3 }));
    expect(isAppError(error) && error.details.map((d) => d.field)).toEqual(['days', 'target']);
  });

  it('follows the Paris rhythm: busier by day than at night, and on weekdays than at weekends', () => {
    const ordinary = demo.mentions.filter((m) => !raw(m).episode);
    const byHour = Array.from({ length: 24 }, () => 0);
    for (const m of ordinary) byHour[parisOf(at(m)).hour] = (byHour[parisOf(at(m)).hour] ?? 0) + 1;
    const day = byHour.slice(9, 21).reduce((a, b) => a + b, 0) / 12;
    const night = byHour.slice(1, 6).reduce((a, b) => a + b, 0) / 5;
    expect(day / night).toBeGreaterThan(5);
    const perDay = new Map<string, { weekday: string; count: number }>();
    for (const m of ordinary) {
      const p = parisOf(at(m));
      const key = `${p.weekday}-${p.day}`;
      perDay.set(key, { weekday: p.weekday, count: (perDay.get(key)?.count ?? 0) + 1 });
    }
    const average = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
    const full = [...perDay.values()].slice(1, -1);
    const weekend = average(full.filter((d) => d.weekday === 'Sat' || d.weekday === 'Sun').map((d) => d.count));
    const weekday = average(full.filter((d) => d.weekday !== 'Sat' && d.weekday !== 'Sun').map((d) => d.count));
    expect(weekday / weekend).toBeGreaterThan(1.2);
  });

  it('is about two thirds French and one third English, with the language set', () => {
    const french = demo.mentions.filter((m) => m.lang === 'fr').length / demo.mentions.length;
    expect(french).toBeGreaterThan(0.6);
    expect(french).toBeLessThan(0.72);
    expect(demo.mentions.every((m) => m.lang === 'fr' || m.lang === 'en')).toBe(true);
  });

  it('fills every field a connector would, with unique ids and fictional URLs', () => {
    const ids = new Set(demo.mentions.map((m) => m.externalId));
    expect(ids.size).toBe(demo.mentions.length);
    const seen = new Set<string>();
    const problems: string[] = [];
    const check = (ok: unknown, m: MentionInput, what: string) => {
      if (!ok) problems.push(`${m.externalId}: ${what}`);
    };
    for (const m of demo.mentions) {
      check(/^demo-\d+$/.test(m.externalId), m, 'externalId');
      check(CONNECTOR_IDS.includes(m.connector) && m.connector !== 'demo', m, 'connector');
      check(/^https:\/\/[^/]+\.example(\/|$)/.test(m.url ?? ''), m, `url ${m.url}`);
      check(m.author.handle.length > 1, m, 'author');
      check(m.text.length > 10 && !/\{\w+\}/.test(m.text), m, 'text');
      check(new Date(m.publishedAt).toISOString() === m.publishedAt, m, 'publishedAt');
      check(['post', 'comment', 'article', 'reply'].includes(m.kind), m, 'kind');
      check(raw(m).demo === true, m, 'raw.demo');
      if (m.connector === 'rss') check(m.kind === 'article' && m.title, m, 'rss article title');
      if (m.connector !== 'rss' && m.connector !== 'hackernews') check((m.author.followers ?? -1) >= 0, m, 'followers');
      if (m.replyToExternalId) check(seen.has(m.replyToExternalId) && m.threadExternalId && seen.has(m.threadExternalId), m, 'reply links');
      seen.add(m.externalId);
    }
    expect(problems).toEqual([]);
    expect(new Set(demo.mentions.map((m) => m.connector)).size).toBeGreaterThanOrEqual(9);
    expect(demo.mentions.filter((m) => m.replyToExternalId).length).toBeGreaterThan(500);
  });

  it('has heavy-tailed audiences and engagement', () => {
    const followers = demo.mentions.map((m) => m.author.followers).filter((f): f is number => f !== undefined).sort((a, b) => a - b);
    const median = followers[Math.floor(followers.length / 2)] ?? 0;
    expect(followers[followers.length - 1]).toBeGreaterThan(median * 1_000);
    const likes = demo.mentions.map((m) => m.engagement.likes ?? 0).sort((a, b) => a - b);
    expect(likes[likes.length - 1]).toBeGreaterThan(100 * Math.max(1, likes[Math.floor(likes.length / 2)] ?? 0));
  });

  it('contains the material later features need: questions with and without "?", trolls, job ads, homonyms, comparisons', () => {
    const count = (category: string) => demo.mentions.filter((m) => raw(m).category === category).length;
    expect(demo.mentions.filter((m) => raw(m).category === 'question' && m.text.includes('?')).length).toBeGreaterThan(100);
    expect(demo.mentions.filter((m) => raw(m).category === 'question_noq' && !m.text.includes('?')).length).toBeGreaterThan(50);
    for (const category of ['troll', 'job', 'homonym', 'comparison_win', 'comparison_loss', 'article', 'official_reply']) {
      expect(count(category), category).toBeGreaterThan(30);
    }
    expect(count('troll') / demo.mentions.length).toBeLessThan(0.05);
  });
});

describe('demo episodes', () => {
  it('start at the documented Paris times: crisis 9 days ago at 08:40, buzz 18 days ago at 19:30', () => {
    const crisis = Date.parse(episode('crisis').startedAt);
    const buzz = Date.parse(episode('buzz').startedAt);
    expect(parisOf(crisis)).toMatchObject({ hour: 8, minute: 40, day: parisOf(NOW.getTime() - 9 * DAY).day });
    expect(parisOf(buzz)).toMatchObject({ hour: 19, minute: 30, day: parisOf(NOW.getTime() - 18 * DAY).day });
    for (const e of demo.episodes) {
      expect(Date.parse(e.startedAt)).toBeLessThan(Date.parse(e.peakAt));
      expect(Date.parse(e.peakAt)).toBeLessThan(Date.parse(e.endedAt));
      expect(e.summary.length && e.summaryEn.length).toBeGreaterThan(20);
    }
  });

  it.each([
    ['crisis', 'negative'],
    ['buzz', 'positive'],
  ] as const)('the %s rises far above the same hours of the neighbouring weeks, with a %s tone', (kind, tone) => {
    const onset = Date.parse(episode(kind).startedAt);
    const during = inWindow(onset, onset + 3 * HOUR);
    // The same hours one week before and one week after (both inside the 30 days, away from the other episode).
    const before = [-7, 7].map((days) => inWindow(onset + days * DAY, onset + days * DAY + 3 * HOUR));
    const usual = (before[0]!.length + before[1]!.length) / 2;
    expect(during.length).toBeGreaterThan(8 * Math.max(usual, 1));
    expect(share(during, tone)).toBeGreaterThan(0.6);
    expect(share([...before[0]!, ...before[1]!], tone)).toBeLessThan(0.45);
    // Detectable early: the first half-hour alone already triples the usual volume of three hours.
    const firstHalfHour = inWindow(onset, onset + HOUR / 2).length;
    expect(firstHalfHour).toBeGreaterThan(3 * Math.max(usual / 6, 1));
    expect(firstHalfHour).toBeGreaterThan(10);
  });

  it('the crisis has many authors, some with a large audience, and new words', () => {
    const onset = Date.parse(episode('crisis').startedAt);
    const crisis = demo.mentions.filter((m) => raw(m).episode === 'crisis');
    expect(new Set(crisis.map((m) => m.author.handle)).size).toBeGreaterThan(0.7 * crisis.length);
    expect(new Set(crisis.filter((m) => (m.author.followers ?? 0) >= 20_000).map((m) => m.author.handle)).size).toBeGreaterThanOrEqual(3);
    const newWord = (m: MentionInput) => /surchauff|overheat|#OndineGate/i.test(m.text);
    expect(demo.mentions.filter((m) => at(m) < onset && newWord(m))).toHaveLength(0);
    expect(inWindow(onset, onset + DAY).filter(newWord).length).toBeGreaterThan(50);
  });

  it('the buzz spreads from one viral post, copied as near-duplicates', () => {
    const viral = demo.mentions.reduce((best, m) => ((m.engagement.reposts ?? 0) > (best.engagement.reposts ?? 0) ? m : best));
    expect(raw(viral).episode).toBe('buzz');
    expect(viral.publishedAt).toBe(episode('buzz').startedAt);
    const copies = demo.mentions.filter((m) => raw(m).repostOf === viral.externalId);
    expect(copies.length).toBeGreaterThan(100);
    const words = (text: string) => new Set(text.toLowerCase().split(/\s+/));
    const original = words(viral.text);
    for (const copy of copies) {
      const shared = [...words(copy.text)].filter((w) => original.has(w)).length;
      expect(shared / original.size).toBeGreaterThan(0.6);
    }
  });
});
