import { describe, expect, it } from 'vitest';
import { AppError } from '@vigie/core';
import { parseLinearModel } from './linear-model';
import { toModelFile, trainLinearModel } from './train-linear-model';

const examples = [
  { names: ['good'], values: [1], label: 1 },
  { names: ['bad'], values: [1], label: 0 },
  { names: ['good', 'very'], values: [0.7, 0.7], label: 1 },
  { names: ['bad', 'very'], values: [0.7, 0.7], label: 0 },
];
const header = { featureSet: 'test@1', lang: 'en', classes: ['neg', 'pos'], training: {} };

describe('linear model', () => {
  it('learns separable examples', () => {
    const model = parseLinearModel(toModelFile(trainLinearModel(examples, 2, { epochs: 20, learningRate: 0.5, l2: 0, seed: 1 }), header), 'test@1');
    const [neg, pos] = model.predict({ names: ['good'], values: [1] });
    expect(pos).toBeGreaterThan(neg as number);
  });

  it('trains deterministically: same data and seed, same bytes', () => {
    const train = () => JSON.stringify(toModelFile(trainLinearModel(examples, 2, { epochs: 5, learningRate: 0.3, l2: 1e-4, seed: 9 }), header));
    expect(train()).toBe(train());
  });

  it('refuses a model trained on another feature set, or a malformed file', () => {
    const file = toModelFile(trainLinearModel(examples, 2, { epochs: 1, learningRate: 0.1, l2: 0, seed: 1 }), header);
    expect(() => parseLinearModel(file, 'other@2')).toThrow(AppError);
    expect(() => parseLinearModel({ ...file, bias: [0] }, 'test@1')).toThrow(/bias/);
    expect(() => parseLinearModel('nope', 'test@1')).toThrow(AppError);
  });
});
