/**
 * Evaluation of the reply guard on a labelled set (`verdict<TAB>reply_to<TAB>draft`, see
 * eval/guard/README.md): precision and recall per verdict, on the development and held-out parts
 * apart, with the misclassified lines for whoever tunes the rules.
 */
import { evaluateClassifier, type Evaluation } from '../evaluate';
import { splitLabelledSet } from '../question';
import { checkDraft, type GuardVerdict } from './check-draft';

export const GUARD_VERDICTS: readonly GuardVerdict[] = ['ok', 'review', 'hold'];

export interface GuardSetEvaluation {
  dev: Evaluation;
  heldOut: Evaluation;
  /** Each `# --- …` section of the file (e.g. each blind round) measured apart. */
  sections: Array<{ title: string; split: 'dev' | 'heldOut'; evaluation: Evaluation }>;
  /** Misclassified examples: line, expected, predicted and the reason codes found. */
  mistakes: Array<{ line: number; expected: string; predicted: string; codes: string[] }>;
}

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
  const set = splitLabelledSet(content, GUARD_VERDICTS);
  const mistakes: GuardSetEvaluation['mistakes'] = [];
  const run = (examples: typeof set.dev): Evaluation => {
    const byText = new Map(examples.map((e) => [e.text, e]));
    return evaluateClassifier(
      examples,
      (text) => {
        const { draft, replyTo } = parseGuardExample(text);
        const result = checkDraft({ text: draft, lang, ...(replyTo ? { replyTo } : {}) });
        const example = byText.get(text);
        if (example && example.label !== result.verdict) {
          mistakes.push({ line: example.line ?? 0, expected: example.label, predicted: result.verdict, codes: result.reasons.map((r) => r.code) });
        }
        return result.verdict;
      },
      GUARD_VERDICTS,
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
