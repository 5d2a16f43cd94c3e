/**
 * The demo workspace's fictional brand, as data: Velotys, a Lyon maker of connected e-bikes, its
 * two products, two competitors and the advertising campaign behind the demo's buzz episode.
 * Every name here is invented; the generator's templates and the topics below use the same words,
 * so the demo's queries find the demo's mentions.
 */
import type { NewTopic } from '@vigie/core';

/** A company the demo talks about, with the words people use for it. */
export interface DemoCompany {
  name: string;
  /** Official account handle, without the `@`. */
  handle: string;
  products: DemoProduct[];
}

export interface DemoProduct {
  /** Full name, e.g. `Velotys Ondine`. */
  name: string;
  /** What people call it in a hurry, e.g. `Ondine`. */
  shortName: string;
  /** French noun phrase with its article, e.g. `le VAE urbain` — keeps templates grammatical. */
  kindFr: string;
  kindEn: string;
}

/**
 * @example
 * DEMO_BRAND.brand.products[0].name; // 'Velotys Ondine'
 */
export const DEMO_BRAND = {
  brand: {
    name: 'Velotys',
    handle: 'velotys',
    products: [
      { name: 'Velotys Ondine', shortName: 'Ondine', kindFr: 'vélo électrique urbain', kindEn: 'urban e-bike' },
      { name: 'Velotys Baroude', shortName: 'Baroude', kindFr: 'vélo cargo électrique', kindEn: 'electric cargo bike' },
    ],
  },
  competitors: [
    {
      name: 'Roulix',
      handle: 'roulix',
      products: [{ name: 'Roulix R5', shortName: 'R5', kindFr: 'vélo électrique urbain', kindEn: 'urban e-bike' }],
    },
    {
      name: 'Kinetta',
      handle: 'kinetta',
      products: [{ name: 'Kinetta Flow', shortName: 'Flow', kindFr: 'vélo cargo électrique', kindEn: 'electric cargo bike' }],
    },
  ],
  campaign: { name: 'Roule ma ville', hashtag: 'RouleMaVille' },
  /** The influencer whose post of the campaign's ad goes viral (the buzz episode). */
  influencer: { handle: 'learoule', name: 'Léa Roule' },
} as const satisfies {
  brand: DemoCompany;
  competitors: DemoCompany[];
  campaign: { name: string; hashtag: string };
  influencer: { handle: string; name: string };
};

/** Job ads mention the brand but are not about it: every brand topic drops them. */
const JOB_EXCLUSIONS = 'recrute OR recrutement OR "offre d\'emploi" OR hiring OR "job offer"';

/**
 * The topics seeded with the demo, in display order. `Ondine` is also a play by Giraudoux, a
 * ballet, a nymph and a first name: the product topic shows what exclusions are for.
 *
 * @example
 * for (const topic of DEMO_TOPICS) await store.topics.create(workspaceId, topic);
 */
export const DEMO_TOPICS: NewTopic[] = [
  {
    name: 'Velotys',
    kind: 'brand',
    color: '#0f766e',
    exclusions: JOB_EXCLUSIONS,
    queries: [{ text: 'Velotys OR #velotys OR @velotys', name: 'Marque / Brand' }],
  },
  {
    name: 'Velotys Ondine',
    kind: 'product',
    color: '#2563eb',
    exclusions: 'Giraudoux OR théâtre OR theatre OR nymphe OR nymph OR ballet OR syndrome OR curse',
    queries: [{ text: '"Velotys Ondine" OR Ondine OR #OndineGate', name: 'Ondine' }],
  },
  {
    name: 'Velotys Baroude',
    kind: 'product',
    color: '#7c3aed',
    queries: [{ text: '"Velotys Baroude" OR Baroude', name: 'Baroude' }],
  },
  {
    name: 'Roulix',
    kind: 'competitor',
    color: '#dc2626',
    exclusions: JOB_EXCLUSIONS,
    queries: [{ text: 'Roulix OR #roulix OR @roulix', name: 'Roulix' }],
  },
  {
    name: 'Kinetta',
    kind: 'competitor',
    color: '#ea580c',
    exclusions: JOB_EXCLUSIONS,
    queries: [{ text: 'Kinetta OR #kinetta OR @kinetta', name: 'Kinetta' }],
  },
  {
    name: 'Roule ma ville',
    kind: 'campaign',
    color: '#ca8a04',
    queries: [{ text: '#RouleMaVille OR "Roule ma ville"', name: 'Campagne / Campaign' }],
  },
];

/** The workspace the demo lives in, when the server gives it its own. */
export const DEMO_WORKSPACE = { name: 'Démo Velotys', slug: 'demo', isDemo: true } as const;
