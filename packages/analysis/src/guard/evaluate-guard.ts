/**
 * Evaluation of the reply guard on a labelled set (`verdict<TAB>reply_to<TAB>draft`, see
 * eval/guard/README.md): precision and recall per verdict, on the development and held-out parts
 * apart, with the misclassified lines for whoever tunes the rules.
 */
import { evaluateLabelledSet, type LabelledSetEvaluation } from '../evaluate-labelled-set';
import { checkDraft, type GuardVerdict } from './check-draft';

export const GUARD_VERDICTS: readonly GuardVerdict[] = ['ok', 'review', 'hold'];

export type GuardSetEvaluation = LabelledSetEvaluation;

/**
 * Splits the text column of a guard set into the message answered and the draft (`-` = none;
 * a literal `\n` is a line break).
 *
 * @example
 * parseGuardExample('Vous livrez ?\tOui !') // → { replyTo: 'Vous livrez ?', draft: 'Oui !' }
 */
export function parseGuardExample(text: string): { replyTo?: string; draft: string } {
  const tab = text.indexOf('\t');
  const unescape = (s: string): string => s.replace(/\\n/g, '\n').trim();
  if (tab < 0) return { draft: unescape(text) };
  const replyTo = unescape(text.slice(0, tab));
  return { draft: unescape(text.slice(tab + 1)), ...(replyTo && replyTo !== '-' ? { replyTo } : {}) };
}

/**
 * @example
 * const result = evaluateGuardSet(readFileSync('eval/guard/fr.tsv', 'utf8'), 'fr');
 * result.heldOut.perClass.hold.recall; // 0.9
 */
export function evaluateGuardSet(content: string, lang: 'fr' | 'en'): GuardSetEvaluation {
  return evaluateLabelledSet(content, GUARD_VERDICTS, (text) => {
    const { draft, replyTo } = parseGuardExample(text);
    const result = checkDraft({ text: draft, lang, ...(replyTo ? { replyTo } : {}) });
    return { label: result.verdict, codes: result.reasons.map((r) => r.code) };
  });
}
