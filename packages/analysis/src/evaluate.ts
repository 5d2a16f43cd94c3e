/**
 * Evaluation of a classifier on labelled examples: accuracy, macro-F1, per-class precision/recall/F1
 * and the confusion matrix, plus the parser of `label<TAB>text` files and a bilingual text report.
 * Used by `vigie eval sentiment <file.tsv>`, by the training script and by the model tests.
 */
import { AppError } from '@vigie/core';

export interface LabelledExample {
  label: string;
  text: string;
  /** 1-based line in the source file, when the example came from one. */
  line?: number;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Number of examples whose true label is this class. */
  support: number;
}

export interface Evaluation {
  total: number;
  accuracy: number;
  macroF1: number;
  /** Classes in a stable order: the expected order given, then any others alphabetically. */
  labels: string[];
  perClass: Record<string, ClassScores>;
  /** `confusion[expected][predicted]` = count. */
  confusion: Record<string, Record<string, number>>;
}

/**
 * @example
 * const result = evaluateClassifier(examples, (text) => sentiment.analyze({ text }).label, ['negative', 'neutral', 'positive']);
 * result.macroF1; // 0.66
 */
export function evaluateClassifier(
  examples: ReadonlyArray<{ label: string; text: string }>,
  predict: (text: string) => string,
  labelOrder: readonly string[] = [],
): Evaluation {
  const predictions = examples.map((example) => predict(example.text));
  const seen = new Set<string>([...examples.map((e) => e.label), ...predictions]);
  const labels = [...labelOrder, ...[...seen].filter((l) => !labelOrder.includes(l)).sort()];
  const confusion: Record<string, Record<string, number>> = {};
  for (const expected of labels) confusion[expected] = Object.fromEntries(labels.map((l) => [l, 0]));
  let correct = 0;
  examples.forEach((example, i) => {
    const predicted = predictions[i] as string;
    const row = confusion[example.label] as Record<string, number>;
    row[predicted] = (row[predicted] ?? 0) + 1;
    if (predicted === example.label) correct += 1;
  });
  const perClass: Record<string, ClassScores> = {};
  for (const label of labels) {
    const truePositive = confusion[label]?.[label] ?? 0;
    const support = Object.values(confusion[label] ?? {}).reduce((a, b) => a + b, 0);
    const predictedCount = labels.reduce((sum, expected) => sum + (confusion[expected]?.[label] ?? 0), 0);
    const precision = predictedCount > 0 ? truePositive / predictedCount : 0;
    const recall = support > 0 ? truePositive / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support };
  }
  // Macro-F1 averages over the classes present in the gold labels, as scikit-learn does by default
  // for the labels it sees; a class only ever predicted still lowers precision elsewhere.
  const goldLabels = labels.filter((l) => (perClass[l]?.support ?? 0) > 0);
  const macroF1 = goldLabels.length > 0 ? goldLabels.reduce((s, l) => s + (perClass[l]?.f1 ?? 0), 0) / goldLabels.length : 0;
  return { total: examples.length, accuracy: examples.length > 0 ? correct / examples.length : 0, macroF1, labels, perClass, confusion };
}

/**
 * Parses `label<TAB>text` lines; blank lines and lines starting with `#` are skipped. Every bad
 * line is reported at once, with its line number, in one `validation_failed` error.
 * @example
 * parseLabelledTsv('positive\tSuper !\nnegative\tNul', ['negative', 'neutral', 'positive']);
 * // [{ label: 'positive', text: 'Super !', line: 1 }, { label: 'negative', text: 'Nul', line: 2 }]
 */
export function parseLabelledTsv(content: string, allowedLabels?: readonly string[]): LabelledExample[] {
  const examples: LabelledExample[] = [];
  const problems: Array<{ line: number; column?: number; message: string }> = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const tab = raw.indexOf('\t');
    if (tab < 0) {
      problems.push({ line, message: 'expected label<TAB>text / attendu label<TAB>texte' });
      return;
    }
    const label = raw.slice(0, tab).trim();
    const text = raw.slice(tab + 1);
    if (allowedLabels && !allowedLabels.includes(label)) {
      problems.push({ line, column: 1, message: `unknown label "${label}", expected ${allowedLabels.join('|')} / étiquette inconnue` });
      return;
    }
    if (text.trim() === '') {
      problems.push({ line, column: tab + 2, message: 'empty text / texte vide' });
      return;
    }
    examples.push({ label, text, line });
  });
  if (problems.length > 0) {
    throw new AppError('validation_failed', `${problems.length} invalid line(s) / ligne(s) invalide(s)`, problems);
  }
  return examples;
}

const percent = (x: number): string => `${(x * 100).toFixed(1)} %`;

/**
 * Plain-text report: totals, per-class scores and the confusion matrix (rows = expected).
 * @example
 * console.log(formatEvaluation(result, 'fr'));
 */
export function formatEvaluation(evaluation: Evaluation, locale: 'fr' | 'en' = 'en'): string {
  const t = locale === 'fr'
    ? { examples: 'exemples', accuracy: 'exactitude', macro: 'F1 macro', cls: 'classe', p: 'précision', r: 'rappel', matrix: 'Matrice de confusion (lignes = attendu, colonnes = prédit)' }
    : { examples: 'examples', accuracy: 'accuracy', macro: 'macro-F1', cls: 'class', p: 'precision', r: 'recall', matrix: 'Confusion matrix (rows = expected, columns = predicted)' };
  const width = Math.max(10, ...evaluation.labels.map((l) => l.length + 2));
  const pad = (s: string | number): string => String(s).padStart(width);
  const lines = [
    `${evaluation.total} ${t.examples}   ${t.accuracy} ${percent(evaluation.accuracy)}   ${t.macro} ${evaluation.macroF1.toFixed(3)}`,
    '',
    `${t.cls.padEnd(width)}${pad(t.p)}${pad(t.r)}${pad('F1')}${pad('n')}`,
    ...evaluation.labels.map((label) => {
      const s = evaluation.perClass[label] as ClassScores;
      return `${label.padEnd(width)}${pad(s.precision.toFixed(3))}${pad(s.recall.toFixed(3))}${pad(s.f1.toFixed(3))}${pad(s.support)}`;
    }),
    '',
    t.matrix,
    `${''.padEnd(width)}${evaluation.labels.map(pad).join('')}`,
    ...evaluation.labels.map((expected) => `${expected.padEnd(width)}${evaluation.labels.map((p) => pad(evaluation.confusion[expected]?.[p] ?? 0)).join('')}`),
  ];
  return lines.join('\n');
}
