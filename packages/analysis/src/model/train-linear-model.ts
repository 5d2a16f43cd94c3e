/**
 * Trains a multinomial logistic regression with AdaGrad and L2, deterministically: the example
 * order comes from a seeded generator and weights are rounded when written, so the same data and
 * options give a byte-identical model file.
 */
import type { LinearModelFile } from './linear-model';
import { softmax } from './linear-model';
import { mulberry32 } from '@vigie/core';

export interface TrainingExample {
  names: string[];
  values: number[];
  /** Index into `classes`. */
  label: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}


export interface TrainedWeights {
  bias: number[];
  weights: Map<string, number[]>;
}

/**
 * @example
 * const trained = trainLinearModel(examples, 3, { epochs: 20, learningRate: 0.5, l2: 1e-4, seed: 7 });
 */
export function trainLinearModel(examples: TrainingExample[], classCount: number, options: TrainingOptions): TrainedWeights {
  // Intern feature names once: the inner loop then works on flat typed arrays, not maps of strings.
  const ids = new Map<string, number>();
  const encoded = examples.map((example) => ({
    ids: Int32Array.from(example.names, (name) => {
      let id = ids.get(name);
      if (id === undefined) {
        id = ids.size;
        ids.set(name, id);
      }
      return id;
    }),
    values: Float64Array.from(example.values),
    label: example.label,
  }));
  const k = classCount;
  const weights = new Float64Array(ids.size * k);
  const squares = new Float64Array(ids.size * k);
  const bias = new Float64Array(k);
  const biasSquares = new Float64Array(k);
  const scores = new Array<number>(k).fill(0);
  const random = mulberry32(options.seed);
  const order = examples.map((_, i) => i);
  const eps = 1e-8;
  const { learningRate, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const position of order) {
      const example = encoded[position] as (typeof encoded)[number];
      const n = example.ids.length;
      for (let c = 0; c < k; c += 1) scores[c] = bias[c] as number;
      for (let f = 0; f < n; f += 1) {
        const base = (example.ids[f] as number) * k;
        const x = example.values[f] as number;
        for (let c = 0; c < k; c += 1) scores[c] = (scores[c] as number) + (weights[base + c] as number) * x;
      }
      const probabilities = softmax(scores);
      for (let c = 0; c < k; c += 1) {
        const error = (probabilities[c] as number) - (c === example.label ? 1 : 0);
        biasSquares[c] = (biasSquares[c] as number) + error * error;
        bias[c] = (bias[c] as number) - (learningRate * error) / Math.sqrt((biasSquares[c] as number) + eps);
        for (let f = 0; f < n; f += 1) {
          const at = (example.ids[f] as number) * k + c;
          const gradient = error * (example.values[f] as number) + l2 * (weights[at] as number);
          squares[at] = (squares[at] as number) + gradient * gradient;
          weights[at] = (weights[at] as number) - (learningRate * gradient) / Math.sqrt((squares[at] as number) + eps);
        }
      }
    }
  }
  const rows = new Map<string, number[]>();
  for (const [name, id] of ids) rows.set(name, Array.from(weights.subarray(id * k, id * k + k)));
  return { bias: Array.from(bias), weights: rows };
}

/** Rounds weights and drops near-zero ones so the file stays small and diffs stay readable. */
export function toModelFile(
  trained: TrainedWeights,
  header: Pick<LinearModelFile, 'featureSet' | 'lang' | 'classes' | 'training'>,
  minWeight = 1e-3,
): LinearModelFile {
  const round = (w: number): number => Math.round(w * 1e4) / 1e4;
  const weights: Record<string, number[]> = {};
  for (const name of [...trained.weights.keys()].sort()) {
    const row = trained.weights.get(name) as number[];
    if (row.every((w) => Math.abs(w) < minWeight)) continue;
    weights[name] = row.map(round);
  }
  return { format: 'vigie-linear-model', ...header, bias: trained.bias.map(round), weights };
}
