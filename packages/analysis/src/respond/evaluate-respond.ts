/**
 * Evaluation of the "should we respond?" recommendation on a labelled set (`action<TAB>message`,
 * see eval/respond/README.md): precision and recall per action on the development and held-out
 * parts apart, with the misclassified lines.
 */
import { evaluateLabelledSet, type LabelledSetEvaluation } from '../evaluate-labelled-set';
import { recommendResponse } from './recommend-response';
import { RESPONSE_ACTIONS } from './respond-messages';

export type RespondSetEvaluation = LabelledSetEvaluation;

/**
 * @example
 * const result = evaluateRespondSet(readFileSync('eval/respond/fr.tsv', 'utf8'), 'fr');
 * result.heldOut.perClass.escalate.recall; // 0.875
 */
export function evaluateRespondSet(content: string, lang: 'fr' | 'en'): RespondSetEvaluation {
  return evaluateLabelledSet(content, RESPONSE_ACTIONS, (text) => {
    const result = recommendResponse({ text, lang });
    return { label: result.action, codes: result.reasons.map((r) => r.code) };
  });
}
