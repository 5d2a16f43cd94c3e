/**
 * Trains the French and English sentiment models and writes them to `packages/analysis/models/`.
 *
 *   npx tsx packages/analysis/scripts/train-sentiment.ts [--data DIR] [--lang fr|en] [--cv]
 *
 * Data: the XLM-T tweet sets (`xlmt-{lang}-train.tsv`, `xlmt-{lang}-val.tsv`), by default in
 * `../shared/data/sentiment` next to the repository. Only the train split is learned from; the
 * validation split is scored and its figures recorded in the model file. `--cv` also prints a
 * 5-fold cross-validation on the train split, which is how the hyper-parameters below were chosen
 * (the validation split played no part in choosing them). Deterministic: same data, same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateClassifier, formatEvaluation, type LabelledExample } from '../src/evaluate';
import { parseLinearModel } from '../src/model/linear-model';
import { toModelFile, trainLinearModel, type TrainingOptions } from '../src/model/train-linear-model';
import { sentimentModelUrl } from '../src/sentiment/load-sentiment-models';
import { parseXlmtSplit } from '../src/sentiment/parse-xlmt-split';
import type { LexiconLanguage } from '../src/sentiment/polarity-lexicon';
import { classifySentiment } from '../src/sentiment/sentiment-analyzer';
import { extractSentimentFeatures, FEATURE_SET, flattenFeatures } from '../src/sentiment/sentiment-features';
import { SENTIMENT_LABELS } from '../src/sentiment/sentiment-labels';

/** Chosen by 5-fold cross-validation on the train split (see docs/analysis.md). */
export const TRAINING_OPTIONS: Record<LexiconLanguage, TrainingOptions> = {
  fr: { epochs: 10, learningRate: 0.1, l2: 1e-4, seed: 7 },
  en: { epochs: 10, learningRate: 0.1, l2: 1e-4, seed: 7 },
};

/** Weights all under this (in absolute value) are dropped: a smaller file, same CV figures. */
const MIN_WEIGHT = 0.01;

const SOURCE = 'XLM-T unified multilingual Twitter sentiment (Barbieri et al., LREC 2022; cardiffnlp/xlm-t, data/sentiment)';
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function train(examples: LabelledExample[], lang: LexiconLanguage) {
  const featured = examples.map((example) => ({
    ...flattenFeatures(extractSentimentFeatures(example.text, lang)),
    label: SENTIMENT_LABELS.indexOf(example.label as (typeof SENTIMENT_LABELS)[number]),
  }));
  return trainLinearModel(featured, SENTIMENT_LABELS.length, TRAINING_OPTIONS[lang]);
}

function crossValidate(examples: LabelledExample[], lang: LexiconLanguage, folds = 5): number {
  let total = 0;
  for (let fold = 0; fold < folds; fold += 1) {
    const learn = examples.filter((_, i) => i % folds !== fold);
    const held = examples.filter((_, i) => i % folds === fold);
    const file = toModelFile(train(learn, lang), { featureSet: FEATURE_SET, lang, classes: [...SENTIMENT_LABELS], training: {} }, MIN_WEIGHT);
    const model = parseLinearModel(file, FEATURE_SET);
    total += evaluateClassifier(held, (text) => classifySentiment(model, lang, text).label, SENTIMENT_LABELS).macroF1;
  }
  return total / folds;
}

function trainLanguage(dataDir: string, lang: LexiconLanguage, withCv: boolean): void {
  const trainFile = `${dataDir}/xlmt-${lang}-train.tsv`;
  const valFile = `${dataDir}/xlmt-${lang}-val.tsv`;
  const trainText = readFileSync(trainFile, 'utf8');
  const trainSet = parseXlmtSplit(trainText);
  const valSet = parseXlmtSplit(readFileSync(valFile, 'utf8'));
  const cv = withCv ? crossValidate(trainSet, lang) : undefined;
  if (cv !== undefined) console.log(`${lang}: 5-fold CV macro-F1 on train = ${cv.toFixed(3)}`);

  const header = { featureSet: FEATURE_SET, lang, classes: [...SENTIMENT_LABELS] };
  const draft = toModelFile(train(trainSet, lang), { ...header, training: {} }, MIN_WEIGHT);
  const model = parseLinearModel(draft, FEATURE_SET);
  const validation = evaluateClassifier(valSet, (text) => classifySentiment(model, lang, text).label, SENTIMENT_LABELS);
  const file = {
    ...draft,
    training: {
      source: SOURCE,
      trainFile: `xlmt-${lang}-train.tsv`,
      trainSha256: createHash('sha256').update(trainText).digest('hex'),
      trainExamples: trainSet.length,
      options: TRAINING_OPTIONS[lang],
      minWeight: MIN_WEIGHT,
      validation: {
        file: `xlmt-${lang}-val.tsv`,
        examples: valSet.length,
        macroF1: Math.round(validation.macroF1 * 1e4) / 1e4,
        accuracy: Math.round(validation.accuracy * 1e4) / 1e4,
      },
    },
  };
  const out = fileURLToPath(sentimentModelUrl(lang));
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  console.log(`${lang}: ${Object.keys(file.weights).length} features → ${out}`);
  console.log(formatEvaluation(validation, 'en'));
}

const dataDir = argument('--data') ?? `${repoRoot}../shared/data/sentiment`;
if (!existsSync(dataDir)) {
  console.error(`No data at ${dataDir} / pas de données ici (use --data DIR)`);
  process.exit(2);
}
const only = argument('--lang');
for (const lang of ['fr', 'en'] as const) {
  if (!only || only === lang) trainLanguage(dataDir, lang, process.argv.includes('--cv'));
}
