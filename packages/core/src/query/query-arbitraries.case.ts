/**
 * fast-check generators shared by the property tests: random French/English posts (accents,
 * ligatures, elisions, hashtags, mentions, underscores, punctuation) and random queries written
 * the way users write them, over one small vocabulary so that queries and posts often meet.
 */
import fc from 'fast-check';
import type { MatchableDocument } from '../ports/matcher';

/** Surface forms of each word (case, accents, ligatures) — all fold to the first one. */
const WORDS: string[][] = [
  ['vigie', 'Vigie', 'VIGIE'],
  ['orange', 'Orange', 'ORANGE'],
  ['orangeade', 'Orangeade'],
  ['entreprise', 'Entreprise'],
  ['cafe', 'café', 'CAFÉ', 'Cafe\u0301'],
  ['coeur', 'cœur', 'Cœur', 'COEUR'],
  ['strasse', 'straße', 'Strasse'],
  ['ete', 'été', 'Été'],
  ['eleve', 'élève', 'Élève'],
  ['oeuvre', 'œuvre', 'Œuvre'],
  ['app', 'App', 'APP'],
  ['jus', 'Jus'],
  ['emploi', 'Emploi'],
  ['offre', 'Offre'],
  ['ami', 'Ami'],
  ['noel', 'Noël', 'noël'],
  ['vigieapp', 'VigieApp'],
  ['vigie_app', 'Vigie_App'],
  ['launch', 'Launch'],
  ['the', 'The'],
  ['l', 'L'],
];

const surface = fc.constantFrom(...WORDS).chain((forms) => fc.constantFrom(...forms));
const formsOf = (word: string): string[] => WORDS.find((forms) => forms[0] === word) ?? [word];

/** Word pairs that both posts and phrase queries use often, so phrases and NEAR really meet. */
const HOT_PAIRS: [string, string][] = [['jus', 'orange'], ['vigie', 'app'], ['entreprise', 'eleve'], ['coeur', 'noel'], ['the', 'launch'], ['l', 'ami']];
const hotPair = fc
  .constantFrom(...HOT_PAIRS)
  .chain(([a, b]) => fc.tuple(fc.constantFrom(...formsOf(a)), elision, fc.constantFrom(...formsOf(b))))
  .map(([a, e, b]) => `${a} ${e}${b}`);
const base = fc.constantFrom(...WORDS.map((forms) => forms[0] as string));
const elision = fc.constantFrom('', '', '', "l'", 'd’', "qu'", "L'");
const sigil = fc.constantFrom('', '', '', '', '#', '@');
const separator = fc.constantFrom(' ', ' ', ', ', ' - ', '! ', '\n', ' (', ') ', "'", '.');

/** A random text of 0–14 words. */
export const textArbitrary: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(sigil, elision, surface, separator).map(([s, e, w, sep]) => (s !== '' ? s + w : e + w) + sep) },
      { weight: 1, arbitrary: fc.tuple(hotPair, separator).map(([pair, sep]) => pair + sep) },
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** A random post with optional fields. */
export const postArbitrary: fc.Arbitrary<MatchableDocument> = fc.record(
  {
    text: textArbitrary,
    title: textArbitrary,
    lang: fc.constantFrom('fr', 'en', 'fr-CA', 'EN'),
    author: fc.constantFrom('@alice@mastodon.social', 'Jean Dupont', 'vigie'),
    url: fc.constantFrom('https://blog.example.com/a', 'https://orange.fr/jus?x=1', 'http://Example.com'),
    connector: fc.constantFrom('rss', 'mastodon'),
    country: fc.constantFrom('FR', 'be'),
  },
  { requiredKeys: ['text'] },
);

const phrase = fc
  .tuple(
    fc.oneof(
      fc.array(fc.tuple(elision, surface), { minLength: 1, maxLength: 3 }).map((words) => words.map(([e, w]) => e + w).join(' ')),
      hotPair,
      fc.tuple(fc.constantFrom('#', '@'), surface, surface).map(([s, a, b]) => (a.length % 2 === 0 ? `${s}${a} ${b}` : `${a} ${s}${b}`)),
    ),
    fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  )
  .map(([words, slop]) => `"${words}"${slop === undefined ? '' : `~${slop}`}`);

const wildcard = fc.tuple(base, fc.nat()).map(([word, n]) => {
  const letters = word.replace('_', '');
  if (letters.length >= 4 && n % 2 === 0) return `${letters.slice(0, 3 + (n % (letters.length - 2)))}*`;
  const at = n % letters.length;
  return `${letters.slice(0, at)}?${letters.slice(at + 1)}`;
});

/** Words, phrases and wildcards: what NEAR accepts. */
const positional = fc.oneof(
  fc.tuple(elision, surface).map(([e, w]) => e + w),
  fc.tuple(fc.constantFrom('#', '@'), surface).map(([s, w]) => s + w),
  phrase,
  wildcard,
  fc.constantFrom('Vigie', 'Orange', 'Noël', 'Vigie_App').map((w) => `{${w}}`),
);

const fieldLeaf = fc.oneof(
  fc.constantFrom('lang:fr', 'lang:en', 'lang:(fr OR de)', 'connector:rss', 'country:fr', 'site:example.com', 'site:orange.fr', 'url:jus'),
  fc.constantFrom('raw:"Vigie"', 'raw:"Orange!"', 'raw:"jus d\'orange"', 'raw:"C++"', "raw:\"l'\"", 'raw:"Cœur"'),
  surface.map((w) => `title:${w}`),
  fc.tuple(fc.constantFrom('', '#', '@'), surface, surface).map(([s, a, b]) => `title:"${s}${a} ${b}"`),
  fc.tuple(fc.constantFrom('#', '@'), surface).map(([s, w]) => `title:${s}${w}`),
  fc.constantFrom('author:alice', 'author:@alice', 'author:"jean dupont"', 'author:vigie'),
);

/** A random valid query. */
export const queryArbitrary: fc.Arbitrary<string> = fc.letrec<{ query: string; leaf: string }>((tie) => ({
  leaf: fc.oneof({ weight: 5, arbitrary: positional }, { weight: 2, arbitrary: fieldLeaf }),
  query: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: tie('leaf') },
    fc.tuple(tie('query'), tie('query')).map(([a, b]) => `(${a}) (${b})`),
    fc.tuple(tie('query'), tie('query')).map(([a, b]) => `(${a}) AND (${b})`),
    fc.tuple(tie('query'), tie('query')).map(([a, b]) => `(${a}) OR (${b})`),
    tie('query').map((a) => `NOT (${a})`),
    fc.tuple(tie('leaf'), tie('leaf')).map(([a, b]) => `${a} -${b}`),
    fc.tuple(positional, positional, fc.integer({ min: 0, max: 4 }), fc.boolean()).map(([a, b, n, f]) => `${a} NEAR/${n}${f ? 'f' : ''} ${b}`),
    fc.tuple(fc.constantFrom(...HOT_PAIRS), fc.integer({ min: 0, max: 2 }), fc.boolean()).map(([[a, b], n, f]) => `${f ? b : a} NEAR/${n}${f ? 'f' : ''} ${f ? a : b}`),
    fc.tuple(positional, positional, positional, fc.integer({ min: 0, max: 3 })).map(([a, b, c, n]) => `(${a} OR ${b}) NEAR/${n} ${c}`),
  ),
})).query;
