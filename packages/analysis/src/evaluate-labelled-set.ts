import { evaluateClassifier, type Evaluation } from './evaluate';
import { splitLabelledSet } from './question/labelled-set';

/** A labelled set measured as a whole split (dev, held-out), section by section, with its mistakes. */
export interface LabelledSetEvaluation {
  dev: Evaluation;
  heldOut: Evaluation;
  /** Each `# --- …` section of the file (e.g. each blind round) measured apart. */
  sections: Array<{ title: string; split: 'dev' | 'heldOut'; evaluation: Evaluation }>;
  /** Misclassified examples: line, expected, predicted and the reason codes found. */
  mistakes: Array<{ line: number; expected: string; predicted: string; codes: string[] }>;
}

/**
 * Runs a classifier that also explains itself (reason codes) over a sectioned labelled file.
 *
 * @example
 * evaluateLabelledSet(content, RESPONSE_ACTIONS, (text) => { const r = recommendResponse({ text }); return { label: r.action, codes: r.reasons.map((x) => x.code) }; });
 */
export function evaluateLabelledSet(content: string, labels: readonly string[], classify: (text: string) => { label: string; codes: string[] }): LabelledSetEvaluation {
  const set = splitLabelledSet(content, labels);
  const mistakes: LabelledSetEvaluation['mistakes'] = [];
  const run = (examples: typeof set.dev): Evaluation => {
    const byText = new Map(examples.map((e) => [e.text, e]));
    return evaluateClassifier(
      examples,
      (text) => {
        const result = classify(text);
        const example = byText.get(text);
        if (example && example.label !== result.label) {
          mistakes.push({ line: example.line ?? 0, expected: example.label, predicted: result.label, codes: result.codes });
        }
        return result.label;
      },
      labels,
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
