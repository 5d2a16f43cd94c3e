/**
 * The fields of a post a listening query can look at. Built from a mention (or a JSONL line).
 */
export interface MatchableDocument {
  text: string;
  title?: string;
  lang?: string;
  /** Author handle (and name, when known). */
  author?: string;
  url?: string;
  connector?: string;
  country?: string;
}

/**
 * The live percolator: every saved query compiled into one index; each incoming post is checked
 * only against the queries that could match it. Adding, replacing or removing a query takes
 * effect on the next call to `match`.
 *
 * @example
 * matcher.set('q1', 'vigie NOT emploi');
 * matcher.match({ text: "J'adore Vigie" }); // ['q1']
 */
export interface QueryMatcher {
  /** Adds or replaces a query. Throws AppError('query_syntax') when the text does not parse. */
  set(queryId: string, text: string, options?: { exclusions?: string }): void;
  delete(queryId: string): void;
  /** Ids of the queries that match, in no particular order. */
  match(doc: MatchableDocument): string[];
  size(): number;
}
