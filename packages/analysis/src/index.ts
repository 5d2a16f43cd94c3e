/**
 * @vigie/analysis — enrichment of mentions: language, sentiment, questions, aggressiveness, reach,
 * each stamped `name@version` on its result, and the pipeline that runs them all; plus readability,
 * jargon and the reply guard (for drafts), the should-we-respond recommendation, near-duplicates
 * and themes (over many mentions), and classifier evaluation.
 * Models ship in `packages/analysis/models/` and load without network.
 */
export * from './analysis-pipeline';
export * from './evaluate';
export * from './evaluate-labelled-set';
export * from './language';
export * from './sentiment';
export * from './model/linear-model';
export * from './question';
export * from './aggressiveness';
export * from './reach';
export * from './readability';
export * from './dedupe';
export * from './themes';
export * from './guard';
export * from './respond';
