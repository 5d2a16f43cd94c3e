/** Question detection (French, English): requests versus rhetorical questions. */
export * from './detect-question';
export * from './question-analyzer';
export * from './labelled-set';
