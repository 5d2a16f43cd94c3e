/**
 * A multinomial linear classifier over sparse named features, as stored in a model file shipped
 * in the repository (`packages/analysis/models/*.json`). Loading validates the file once; prediction
 * is a few map look-ups per feature, with no allocation beyond the score array.
 */
import { AppError } from '@vigie/core';

/** The JSON written by `scripts/train-sentiment.ts`. */
export interface LinearModelFile {
  format: 'vigie-linear-model';
  /** Feature extractor the weights belong to, e.g. `vigie-sentiment-features@1`. */
  featureSet: string;
  lang: string;
  classes: string[];
  bias: number[];
  /** Feature name → one weight per class. */
  weights: Record<string, number[]>;
  /** Free-form provenance: data files, hyper-parameters, validation figures. */
  training: Record<string, unknown>;
}

/** Binary features of one namespace, all worth `value`: `{ namespace: 'c', keys: ['abc'] }` ≡ `c:abc`. */
export interface FeatureGroup {
  namespace: string;
  keys: Iterable<string>;
  value: number;
}

export interface LinearModel {
  readonly lang: string;
  readonly featureSet: string;
  readonly classes: readonly string[];
  readonly training: Readonly<Record<string, unknown>>;
  /**
   * Class probabilities (softmax), in the order of `classes`.
   * @example
   * model.predict({ names: ['w:super'], values: [1] }); // [0.1, 0.2, 0.7]
   */
  predict(features: { names: string[]; values: number[]; groups?: FeatureGroup[] }): number[];
}

function invalid(message: string, field: string): AppError {
  return new AppError('validation_failed', `Invalid model file: ${message}`, [{ field, message }]);
}

/**
 * Validates a parsed model file and builds the predictor.
 * @example
 * const model = parseLinearModel(JSON.parse(readFileSync(path, 'utf8')), 'vigie-sentiment-features@1');
 */
export function parseLinearModel(data: unknown, expectedFeatureSet: string): LinearModel {
  if (typeof data !== 'object' || data === null) throw invalid('not an object', '');
  const file = data as Partial<LinearModelFile>;
  if (file.format !== 'vigie-linear-model') throw invalid('unknown format', 'format');
  if (file.featureSet !== expectedFeatureSet) {
    throw invalid(`trained on features ${String(file.featureSet)}, this code extracts ${expectedFeatureSet}`, 'featureSet');
  }
  const classes = file.classes;
  if (!Array.isArray(classes) || classes.length < 2) throw invalid('needs at least two classes', 'classes');
  const k = classes.length;
  if (!Array.isArray(file.bias) || file.bias.length !== k) throw invalid('bias length differs from classes', 'bias');
  if (typeof file.weights !== 'object' || file.weights === null) throw invalid('missing weights', 'weights');

  const entries = Object.entries(file.weights);
  const index = new Map<string, number>();
  const table = new Float64Array(entries.length * k);
  entries.forEach(([name, row], position) => {
    if (!Array.isArray(row) || row.length !== k) throw invalid(`weights of ${name} do not have ${k} values`, `weights.${name}`);
    index.set(name, position * k);
    row.forEach((w, c) => {
      table[position * k + c] = w;
    });
  });
  const bias = Float64Array.from(file.bias);
  // Per-namespace indexes (`c:abc` under `c` as `abc`), built on first use of a namespace.
  const namespaces = new Map<string, Map<string, number>>();
  const namespaceIndex = (namespace: string): Map<string, number> => {
    let byKey = namespaces.get(namespace);
    if (!byKey) {
      byKey = new Map();
      const prefix = `${namespace}:`;
      for (const [name, offset] of index) if (name.startsWith(prefix)) byKey.set(name.slice(prefix.length), offset);
      namespaces.set(namespace, byKey);
    }
    return byKey;
  };

  return {
    lang: String(file.lang ?? ''),
    featureSet: file.featureSet,
    classes,
    training: file.training ?? {},
    predict({ names, values, groups = [] }) {
      const scores = Array.from(bias);
      for (let i = 0; i < names.length; i += 1) {
        const offset = index.get(names[i] as string);
        if (offset === undefined) continue;
        const x = values[i] as number;
        for (let c = 0; c < k; c += 1) scores[c] = (scores[c] as number) + (table[offset + c] as number) * x;
      }
      for (const group of groups) {
        const byKey = namespaceIndex(group.namespace);
        for (const key of group.keys) {
          const offset = byKey.get(key);
          if (offset === undefined) continue;
          for (let c = 0; c < k; c += 1) scores[c] = (scores[c] as number) + (table[offset + c] as number) * group.value;
        }
      }
      return softmax(scores);
    },
  };
}

/** @example softmax([0, 0]); // [0.5, 0.5] */
export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
