/**
 * Evaluation of the "should we respond?" recommendation on a labelled set (`action<TAB>message`,
 * see eval/respond/README.md): precision and recall per action on the development and held-out
 * parts apart, with the misclassified lines.
 */
import { evaluateClassifier, type Evaluation } from '../evaluate';
import { splitLabelledSet } from '../question';
import { recommendResponse } from './recommend-response';
import { RESPONSE_ACTIONS } from './respond-messages';

export interface RespondSetEvaluation {
  dev: Evaluation;
  heldOut: Evaluation;
  /** Each `# --- …` section of the file (e.g. each blind round) measured apart. */
  sections: Array<{ title: string; split: 'dev' | 'heldOut'; evaluation: Evaluation }>;
  mistakes: Array<{ line: number; expected: string; predicted: string; codes: string[] }>;
}

/**
 * @example
 * const result = evaluateRespondSet(readFileSync('eval/respond/fr.tsv', 'utf8'), 'fr');
 * result.heldOut.perClass.escalate.recall; // 0.875
 */
export function evaluateRespondSet(content: string, lang: 'fr' | 'en'): RespondSetEvaluation {
  const set = splitLabelledSet(content, RESPONSE_ACTIONS);
  const mistakes: RespondSetEvaluation['mistakes'] = [];
  const run = (examples: typeof set.dev): Evaluation => {
    const byText = new Map(examples.map((e) => [e.text, e]));
    return evaluateClassifier(
      examples,
      (text) => {
        const result = recommendResponse({ text, lang });
        const example = byText.get(text);
        if (example && example.label !== result.action) {
          mistakes.push({ line: example.line ?? 0, expected: example.label, predicted: result.action, codes: result.reasons.map((r) => r.code) });
        }
        return result.action;
      },
      RESPONSE_ACTIONS,
    );
  };
  const dev = run(set.dev);
  const heldOut = run(set.heldOut);
  const mistakesSoFar = mistakes.length;
  const sections = set.sections.map((section) => ({ title: section.title, split: section.split, evaluation: run(section.examples) }));
  // Sections re-run the same examples: keep each mistake once.
  mistakes.length = mistakesSoFar;
  return { dev, heldOut, sections, mistakes };
}
