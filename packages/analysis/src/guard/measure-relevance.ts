/**
 * Relevance of a reply to the message it answers: the share of the message's key terms (content
 * words, stemmed, stop words and greetings removed; names count double, as the question's focus)
 * that the draft takes up. A reply may also engage without repeating the words: an apology, an
 * invitation to continue in private, "we're looking into it", or a yes/no opening to a yes/no
 * question. A draft with none of that answers something else: it dodges the question, or is off
 * topic when it is promotional.
 */
import { detectQuestion } from '../question';
import { foldText, isStopWord, stem, tokenize } from '../text';
import { findPhrase } from './find-phrase';

export interface Relevance {
  /** 0..1 share of key-term weight found in the draft; null without a message or key terms. */
  score: number | null;
  /** Key terms of the message (folded), and those the draft takes up. */
  keyTerms: string[];
  matched: string[];
  isQuestion: boolean;
  /** Apology, private follow-up, investigation, or a yes/no opening. */
  engages: boolean;
  promotional: boolean;
}

/** Words that carry no subject in a customer message. */
const FILLER = new Set(
  `bonjour bonsoir salut hello hi hey merci thanks thank please svp stp normal possible vraiment really toujours still encore
  est-ce quelqu'un quelqu anyone someone savoir know dire tell pouvez peux can could would will aide help besoin need ca faire`.split(/\s+/),
);

const ENGAGEMENT = [
  'desole*', 'navre*', 'pardon', 'excuse*', 'message prive', 'en prive', 'en mp', 'par mp', 'message direct', 'on regarde', 'nous regardons',
  'on verifie', 'nous verifions', 'on s\'en occupe', 'nous nous en occupons', 'on transmet', 'nous transmettons', 'nos equipes', 'on revient vers vous',
  'merci du signalement', 'merci pour le signalement', 'merci de nous avoir signale',
  'sorry', 'apolog*', 'dm', 'dms', 'direct message', 'private message', 'looking into', 'look into', 'we\'ll check', 'we will check',
  'we\'re checking', 'on it', 'sort it out', 'get back to you', 'thanks for flagging', 'pass this on', 'the team is on it',
];
const YES_NO = /^(?:\W*(?:bonjour|bonsoir|hello|hi|hey|salut)\b)?\W*(?:oui|non|si|yes|no|yep|nope|bien sur|of course|absolutely|tout a fait)\b/;
const PROMOTION = [
  'decouvrez', 'profitez', 'suivez notre', 'suivez-nous', 'abonnez-vous', 'ne rien rater', 'notre nouvelle gamme', 'nouvelle collection',
  'check out', 'enjoy', 'follow our', 'follow us', 'never miss', 'our new range', 'new collection', 'shop now',
];

/**
 * @example
 * measureRelevance('Vous livrez en Belgique ?', 'Oui, nous livrons en Belgique en 3 jours.', 'fr')
 * // → { score: 1, keyTerms: ['livrez', 'belgique'], matched: ['livrez', 'belgique'], isQuestion: true, engages: true, … }
 */
export function measureRelevance(replyTo: string | undefined, draft: string, lang: 'fr' | 'en'): Relevance {
  const foldedDraft = foldText(draft);
  const promotional = findPhrase(foldedDraft, PROMOTION) !== undefined;
  const engages = YES_NO.test(foldedDraft) || findPhrase(foldedDraft, ENGAGEMENT) !== undefined;
  if (!replyTo || replyTo.trim() === '' || replyTo.trim() === '-') {
    return { score: null, keyTerms: [], matched: [], isQuestion: false, engages, promotional };
  }
  const question = detectQuestion(replyTo, lang);
  const isQuestion = (question.isQuestion && question.kind !== 'rhetorical') || /\?\s*$/.test(replyTo.trim());
  const terms = keyTerms(replyTo, lang);
  if (terms.length === 0) return { score: null, keyTerms: [], matched: [], isQuestion, engages, promotional };
  const draftStems = new Set(keyTerms(draft, lang, true).map((t) => t.stem));
  let total = 0;
  let found = 0;
  const matched: string[] = [];
  for (const term of terms) {
    total += term.weight;
    if ([...draftStems].some((s) => sameRoot(s, term.stem))) {
      found += term.weight;
      matched.push(term.word);
    }
  }
  return { score: Math.round((found / total) * 100) / 100, keyTerms: terms.map((t) => t.word), matched, isQuestion, engages, promotional };
}

interface KeyTerm {
  word: string;
  stem: string;
  weight: number;
}

function keyTerms(text: string, lang: 'fr' | 'en', keepAll = false): KeyTerm[] {
  const seen = new Map<string, KeyTerm>();
  for (const token of tokenize(text.slice(0, 5000))) {
    if (token.kind !== 'word' && token.kind !== 'hashtag' && token.kind !== 'number') continue;
    const word = token.kind === 'hashtag' ? token.norm.slice(1) : token.norm;
    // A size, a price or a model number asked about is part of the question's focus.
    const number = token.kind === 'number';
    if (!keepAll && !number && (word.length < 3 || isStopWord(word, lang) || FILLER.has(word))) continue;
    const stemmed = number ? word : stem(word, lang);
    // A capitalised word after the first position is a name (place, product): the question's focus.
    const weight = token.start > 0 && /^\p{Lu}\p{Ll}/u.test(token.text) ? 2 : 1;
    const existing = seen.get(stemmed);
    if (!existing) seen.set(stemmed, { word, stem: stemmed, weight });
    else existing.weight = Math.max(existing.weight, weight);
  }
  return [...seen.values()];
}

/** Light stems still differ on some inflections ("livrez" / "livrons"): a shared 5-letter start is the same root. */
function sameRoot(a: string, b: string): boolean {
  if (a === b) return true;
  if (/^\d/.test(a) || /^\d/.test(b)) return false;
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  if (shorter.length >= 4 && longer.startsWith(shorter)) return true;
  return a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5);
}
