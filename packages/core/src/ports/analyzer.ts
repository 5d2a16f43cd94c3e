import type { AnalyzerStamp, Author, Engagement } from '../domain/mention';

/** What an analyzer sees of a mention. */
export interface AnalyzerInput {
  text: string;
  title?: string;
  /** Language already known (declared by the source or detected by an earlier analyzer). */
  lang?: string;
  author?: Author;
  engagement?: Engagement;
}

/**
 * One analysis step. Pure and synchronous: no I/O at analysis time (models are loaded before).
 * Its result is stored under `analysis[key]`, stamped with `name@version`.
 *
 * @example
 * const lang: Analyzer<LanguageResult> = { key: 'lang', name: 'vigie-lang', version: '1', analyze: (i) => ({ analyzer: 'vigie-lang@1', value: 'fr', confidence: 0.9 }) };
 */
export interface Analyzer<T extends AnalyzerStamp = AnalyzerStamp> {
  key: string;
  name: string;
  version: string;
  analyze(input: AnalyzerInput): T;
}
