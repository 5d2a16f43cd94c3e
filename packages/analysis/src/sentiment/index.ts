/** Sentiment (French, English): the analyzer, its model loading, features and lexicon scoring. */
export * from './sentiment-analyzer';
export * from './load-sentiment-models';
export * from './sentiment-features';
export * from './sentiment-labels';
export * from './polarity-lexicon';
export * from './tokenize-for-sentiment';
export * from './emoji-polarity';
export * from './parse-xlmt-split';
export * from './evaluate-sentiment';
