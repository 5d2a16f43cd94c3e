/**
 * Fictional authors for the demo. An author is a pure function of (seed, connector, language,
 * index), so the same person keeps the same name, handle and audience across the whole data set;
 * low indices are picked more often, which makes a few regulars and a long tail of one-off voices.
 */
import type { Author, ConnectorId } from '@vigie/core';
import { createSeededRandom, hashSeed, type SeededRandom } from './seeded-random';

/** An author plus what the URL builder needs: the profile's base address. */
export interface DemoAuthor {
  author: Author;
  /** Profile address every post URL of this author starts with. */
  home: string;
}

const FIRST_FR = ['Camille', 'Julien', 'Léa', 'Thomas', 'Manon', 'Nicolas', 'Chloé', 'Hugo', 'Inès', 'Antoine', 'Sarah', 'Maxime', 'Clara', 'Lucas', 'Élodie', 'Baptiste', 'Pauline', 'Romain', 'Margaux', 'Yanis', 'Sophie', 'Karim', 'Aurélie', 'Mathieu', 'Nadia', 'Quentin', 'Laure', 'Benoît', 'Fatou', 'Olivier'];
const LAST_FR = ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fontaine', 'Chevalier', 'Mercier', 'Blanc', 'Guérin', 'Faure', 'Rousseau', 'Lemoine', 'Perrin', 'Morel', 'Garnier', 'Benali', 'Nguyen', 'Lefèvre', 'Caron', 'Renaud', 'Barbier', 'Colin'];
const FIRST_EN = ['Emma', 'Oliver', 'Sophie', 'James', 'Ava', 'Noah', 'Grace', 'Liam', 'Chloe', 'Ethan', 'Mia', 'Jack', 'Ruby', 'Daniel', 'Hannah', 'Sam', 'Priya', 'Tom', 'Isla', 'Ben', 'Freya', 'Ryan', 'Lena', 'Marco', 'Aisha'];
const LAST_EN = ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Walker', 'Wright', 'Hughes', 'Green', 'Hall', 'Clarke', 'Patel', 'Murphy', 'Kelly', 'Baker', 'Jansen', 'Becker', 'Larsen', "O'Brien"];
const INSTANCES = ['mastodon.example', 'piaille.example', 'framapiaf.example', 'toot.example'];

const OUTLETS = {
  fr: [
    { name: 'Vélo & Ville', slug: 'veloetville' },
    { name: 'Le Journal du Cycle', slug: 'journalducycle' },
    { name: 'Lyon Matin Numérique', slug: 'lyonmatin' },
    { name: 'Mobilités Durables', slug: 'mobilitesdurables' },
    { name: 'Tech & Pédales', slug: 'techpedales' },
  ],
  en: [
    { name: 'Cycling Weekly Digest', slug: 'cyclingdigest' },
    { name: 'E-Bike Review Hub', slug: 'ebikereviewhub' },
    { name: 'Urban Mobility News', slug: 'urbanmobilitynews' },
    { name: 'The Gear Report', slug: 'gearreport' },
  ],
} as const;

function asciiSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Handle and profile address in each network's own shape (all on fictional `.example` hosts). */
function onNetwork(connector: ConnectorId, user: string, name: string, rng: SeededRandom): DemoAuthor {
  switch (connector) {
    case 'mastodon': {
      const instance = rng.pick(INSTANCES);
      return { author: { handle: `@${user}@${instance}`, name }, home: `https://${instance}/@${user}` };
    }
    case 'bluesky':
      return { author: { handle: `${user}.bsky.example`, name }, home: `https://bsky.example/profile/${user}.bsky.example` };
    case 'reddit':
      return { author: { handle: `u/${user}` }, home: `https://reddit.example/user/${user}` };
    case 'hackernews':
      return { author: { handle: user }, home: `https://news.example/user?id=${user}` };
    case 'x':
      return { author: { handle: `@${user}`, name }, home: `https://x.example/${user}` };
    case 'youtube':
      return { author: { handle: `@${user}`, name }, home: `https://youtube.example/@${user}` };
    case 'facebook':
      return { author: { handle: user, name }, home: `https://facebook.example/${user}` };
    case 'instagram':
      return { author: { handle: user, name }, home: `https://instagram.example/${user}` };
    default:
      return { author: { handle: name, name }, home: `https://${user}.example` };
  }
}

/** Networks that report an audience size; feeds and Hacker News do not. */
function hasFollowers(connector: ConnectorId): boolean {
  return connector !== 'rss' && connector !== 'hackernews';
}

function withAudience(demo: DemoAuthor, connector: ConnectorId, followers: number): DemoAuthor {
  const author: Author = { ...demo.author, url: demo.home };
  if (hasFollowers(connector)) author.followers = Math.round(followers);
  return { author, home: demo.home };
}

/**
 * The `index`-th ordinary author of a network and language; followers follow a Pareto tail
 * (most have a few dozen, a handful tens of thousands).
 *
 * @example
 * demoAuthor(42, 'mastodon', 'fr', 3).author.handle; // e.g. '@camille.renaud@piaille.example'
 */
export function demoAuthor(seed: number, connector: ConnectorId, lang: 'fr' | 'en', index: number): DemoAuthor {
  const rng = createSeededRandom(hashSeed(`${connector}:${lang}:${index}`, seed));
  const first = rng.pick(lang === 'fr' ? FIRST_FR : FIRST_EN);
  const last = rng.pick(lang === 'fr' ? LAST_FR : LAST_EN);
  const style = rng.int(0, 3);
  const user =
    style === 0
      ? `${asciiSlug(first)}_${asciiSlug(last).slice(0, 1)}`
      : style === 1
        ? `${asciiSlug(first)}${asciiSlug(last)}`
        : style === 2
          ? `${asciiSlug(first).slice(0, 3)}${asciiSlug(last)}${rng.int(1, 99)}`
          : `${asciiSlug(first)}.${asciiSlug(last)}${index % 7 === 0 ? '' : index}`;
  const followers = Math.min(250_000, rng.pareto(25, 1.1));
  return withAudience(onNetwork(connector, user, `${first} ${last}`, rng), connector, followers);
}

/** A high-reach voice (journalist, cycling influencer): tens to hundreds of thousands of followers. */
export function demoInfluencer(seed: number, connector: ConnectorId, lang: 'fr' | 'en', index: number): DemoAuthor {
  const base = demoAuthor(seed, connector, lang, 100_000 + index);
  const rng = createSeededRandom(hashSeed(`influencer:${connector}:${index}`, seed));
  return withAudience(base, connector, Math.min(900_000, rng.pareto(20_000, 1.2)));
}

/** A news outlet: the author of feed articles, or its account when it shares one on a network. */
export function demoOutlet(seed: number, connector: ConnectorId, lang: 'fr' | 'en', index: number): DemoAuthor {
  const outlets = OUTLETS[lang];
  const outlet = outlets[index % outlets.length] ?? outlets[0];
  const rng = createSeededRandom(hashSeed(`outlet:${outlet.slug}:${connector}`, seed));
  if (connector === 'rss') return { author: { handle: outlet.name, name: outlet.name, url: `https://${outlet.slug}.example` }, home: `https://${outlet.slug}.example` };
  return withAudience(onNetwork(connector, outlet.slug, outlet.name, rng), connector, 30_000 + rng.pareto(10_000, 1.1));
}

/**
 * A company's official account (the brand answering questions, a competitor's page).
 *
 * @example
 * demoOfficial('velotys', 'Velotys', 'x').author.handle; // '@velotys'
 */
export function demoOfficial(handle: string, name: string, connector: ConnectorId): DemoAuthor {
  const rng = createSeededRandom(hashSeed(`official:${handle}:${connector}`));
  return withAudience(onNetwork(connector, handle, name, rng), connector, 8_000 + rng.int(0, 30_000));
}

/** A named person (the crisis' first witness, the buzz's influencer) with a fixed audience. */
export function demoPerson(connector: ConnectorId, user: string, name: string, followers: number): DemoAuthor {
  const rng = createSeededRandom(hashSeed(`person:${user}:${connector}`));
  return withAudience(onNetwork(connector, user, name, rng), connector, followers);
}
