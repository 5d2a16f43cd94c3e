/**
 * French and English stop words, folded (lower case, no diacritics), hand-listed for Vigie:
 * function words plus the filler of social posts ("lol", "mdr", "rt", "via"). Kept short and
 * explicit rather than pulled from a package, so that theme extraction is predictable.
 */
import { foldText } from './fold';

const FRENCH = `a à afin ai aie aient aies ait alors as au aucun aucune aupres auquel aura aurai auraient
aurais aurait auras aurez auriez aurons auront aussi autre autres aux auxquelles auxquels avaient avais
avait avant avec avez aviez avions avoir avons ayant ayez ayons bah bcp bien bon c ca car ce ceci cela
celle celles celui cependant certain certaine certains ces cet cette ceux chaque chez ci comme comment
contre d dans de depuis des desquelles desquels deux devant doit donc dont du duquel elle elles en
encore entre es est et etaient etais etait etant ete etes etiez etions etre eu eue eues eumes eurent
eus eut eux fait faire fais faut fois font fut grace hein hors ici il ils j je jusqu l la laquelle le
lequel les lesquelles lesquels leur leurs lol lui m ma mais malgre me meme memes mes mdr moi mon n ne
ni non nos notre nous on ont ou oui par parce parmi pas peu peut peux plus plutot pour pourquoi pr
puis qu quand que quel quelle quelles quels qui quoi rt s sa sans se sera serai seraient serais serait
seras serez seriez serons seront ses si sien sienne sont sous soyez soyons suis sur t ta tandis te tel
telle telles tels tes toi ton tous tout toute toutes tres trop tu un une unes uns va vais vas via voici
voila vont vos votre vous vs y deja ptdr jsp jpp svp stp cc tjrs tjs aussi ya y'a c'est qd pk pcq`;

const ENGLISH = `a about above after again against all also am an and any are aren't as at be because
been before being below between both but by can can't cannot could couldn't did didn't do does doesn't
doing don't down during each few for from further get got had hadn't has hasn't have haven't having he
he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into
is isn't it it's its itself just let's lol like me more most much must mustn't my myself no nor not now
of off on once only or other ought our ours ourselves out over own really rt same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too u under until up us very
via was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while
who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours
yourself yourselves im dont cant ur gonna wanna thats ive youre its amp lmao omg pls plz tbh imo yeah
yes ok okay still even one`;

function toSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(foldText));
}

export const FRENCH_STOP_WORDS: ReadonlySet<string> = toSet(FRENCH);
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = toSet(ENGLISH);

/**
 * Whether a folded word is a stop word in `lang` ('fr', 'en'; any other value checks both lists).
 *
 * @example
 * isStopWord('tres', 'fr') // → true
 * isStopWord('delivery', 'en') // → false
 */
export function isStopWord(folded: string, lang?: string): boolean {
  if (lang === 'fr') return FRENCH_STOP_WORDS.has(folded);
  if (lang === 'en') return ENGLISH_STOP_WORDS.has(folded);
  return FRENCH_STOP_WORDS.has(folded) || ENGLISH_STOP_WORDS.has(folded);
}
