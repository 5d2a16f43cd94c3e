import { describe, expect, it } from 'vitest';
import { createQueryMatcher, lintQuery, parseQuery, TOPIC_KINDS, type MentionInput } from '@vigie/core';
import { DEMO_BRAND, DEMO_TOPICS } from './demo-workspace';
import { generateDemoMentions } from './generate-demo';
import { TEMPLATES_EN } from './templates-en';
import { TEMPLATES_FR } from './templates-fr';
import type { DemoRaw } from './to-mention-inputs';

const demo = generateDemoMentions({ now: new Date('2026-11-26T04:12:00Z'), target: 2_000 });
const raw = (m: MentionInput) => m.raw as DemoRaw;

function matcherOfTopics() {
  const matcher = createQueryMatcher();
  for (const topic of DEMO_TOPICS) matcher.set(topic.name, topic.queries.map((q) => `(${q.text})`).join(' OR '), { exclusions: topic.exclusions });
  return (m: MentionInput) => matcher.match({ text: m.text, title: m.title, author: m.author.handle });
}

describe('DEMO_TOPICS', () => {
  it('describe the brand, its two products, two competitors and the campaign, with valid queries', () => {
    expect(DEMO_TOPICS.map((t) => t.kind)).toEqual(['brand', 'product', 'product', 'competitor', 'competitor', 'campaign']);
    expect(DEMO_BRAND.brand.products).toHaveLength(2);
    expect(DEMO_BRAND.competitors).toHaveLength(2);
    for (const topic of DEMO_TOPICS) {
      expect(TOPIC_KINDS).toContain(topic.kind);
      expect(topic.color).toMatch(/^#[0-9a-f]{6}$/);
      for (const query of topic.queries) expect(lintQuery(parseQuery(query.text)), query.text).toEqual([]);
      if (topic.exclusions) expect(lintQuery(parseQuery(topic.exclusions)), topic.exclusions).toEqual([]);
    }
    expect(() => matcherOfTopics()).not.toThrow();
  });

  it('find the demo mentions about each topic', () => {
    const match = matcherOfTopics();
    for (const topic of DEMO_TOPICS) {
      const about = demo.mentions.filter((m) => raw(m).focus === topic.name && raw(m).category !== 'official_reply');
      const found = about.filter((m) => match(m).includes(topic.name));
      expect(found.length / about.length, topic.name).toBeGreaterThan(0.7);
    }
  });

  it('leave job ads out, and most homonyms of "Ondine" thanks to the exclusions', () => {
    const match = matcherOfTopics();
    const jobs = demo.mentions.filter((m) => raw(m).category === 'job');
    expect(jobs.length).toBeGreaterThan(5);
    expect(jobs.filter((m) => match(m).length > 0)).toEqual([]);
    const homonyms = demo.mentions.filter((m) => raw(m).category === 'homonym');
    const caught = homonyms.filter((m) => match(m).includes('Velotys Ondine'));
    expect(homonyms.length).toBeGreaterThan(10);
    expect(caught.length / homonyms.length).toBeLessThan(0.35);
  });
});

describe('template books', () => {
  it('hold at least 60 varied templates per language, in the same categories', () => {
    for (const book of [TEMPLATES_FR, TEMPLATES_EN]) {
      const all = Object.values(book.templates).flat();
      expect(all.length, book.lang).toBeGreaterThanOrEqual(60);
      expect(new Set(all).size).toBe(all.length);
    }
    expect(Object.keys(TEMPLATES_EN.templates)).toEqual(Object.keys(TEMPLATES_FR.templates));
  });

  it('only use slots the generator fills', () => {
    const known = new Set(['brand', 'at', 'product', 'kind', 'rival', 'feature', 'city', 'km', 'months', 'days', 'price', 'tag', 'name']);
    for (const book of [TEMPLATES_FR, TEMPLATES_EN]) {
      for (const template of Object.values(book.templates).flat()) {
        for (const [, slot] of template.matchAll(/\{(\w+)\}/g)) expect(known.has(slot ?? ''), `${slot} in ${template}`).toBe(true);
      }
    }
  });
});
