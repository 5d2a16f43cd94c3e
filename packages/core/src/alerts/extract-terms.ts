/**
 * A tiny tokeniser for rising terms when the ingest did not supply key terms: folded words
 * (core's `foldText`), hashtags kept as words, French and English function words and very short
 * words dropped, each term counted once per post.
 */
import { foldText } from '../query';

const STOPWORDS = new Set(
  (
    'les des une dans pour pas que qui est sur avec plus par mais son ses aux cette ont ete etre fait tout tous tres bien comme nous vous ils elles sont' +
    ' leur leurs sans sous entre deja encore aussi alors donc car quand elle lui meme peu trop rien ceci cela ca cet avoir faire chez vers depuis apres avant' +
    ' the and for that this with you are was were have has had not but all can your our their they them from what when will would there been just about' +
    ' mon mes ton tes nos vos notre votre moi toi ici via oui non' +
    ' more some than into out its also very too only like then who how why which one get got'
  ).split(' '),
);

/**
 * @example
 * extractTerms("La batterie de l'Ondine a pris feu ! #OndineGate"); // ['batterie', 'ondine', 'pris', 'feu', 'ondinegate']
 */
export function extractTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of foldText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || STOPWORDS.has(raw) || /^\d+$/.test(raw)) continue;
    seen.add(raw);
  }
  return [...seen];
}
