/**
 * @vigie/analysis — enrichment of mentions: language, sentiment, questions, aggressiveness and the
 * other analyzers, each stamped `name@version` on its result, and the pipeline that runs them all.
 * Models ship in `packages/analysis/models/` and load without network.
 */
export * from './analysis-pipeline';
export * from './evaluate';
export * from './language';
export * from './sentiment';
export * from './model/linear-model';
export * from './question';
