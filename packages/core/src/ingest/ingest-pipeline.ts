import { isConnectorId } from '../domain/connector-id';
import type { Mention, MentionAnalysis, MentionInput } from '../domain/mention';
import type { AnalyzerInput } from '../ports/analyzer';
import type { MatchableDocument } from '../ports/matcher';
import type { NewMention, Store } from '../ports/store';
import type { QueryIndex } from './query-index';

/** Longest text we keep for one mention; longer ones are cut and flagged in `raw`. */
export const MAX_TEXT_LENGTH = 100_000;

export interface IngestDeps {
  store: Pick<Store, 'mentions'>;
  analyze(input: AnalyzerInput): MentionAnalysis;
  queryIndex: QueryIndex;
  /** Called once per mention that did not exist before, after it is stored. */
  emit(mention: Mention): void;
}

export interface IngestReport {
  received: number;
  inserted: number;
  updated: number;
  skipped: { index: number; externalId?: string; reason: string }[];
  mentions: Mention[];
}

/** What a listening query may look at in a mention. */
export function toMatchable(input: Pick<MentionInput, 'text' | 'title' | 'lang' | 'author' | 'url' | 'connector' | 'country'>): MatchableDocument {
  const author = input.author.name && input.author.name !== input.author.handle ? `${input.author.handle} ${input.author.name}` : input.author.handle;
  return { text: input.text, title: input.title, lang: input.lang, author, url: input.url, connector: input.connector, country: input.country };
}

/** Returns the reason a connector's output cannot be stored, or undefined when it is usable. */
export function checkMentionInput(input: MentionInput): string | undefined {
  if (!input || typeof input !== 'object') return 'not an object';
  if (typeof input.connector !== 'string' || !isConnectorId(input.connector)) return `unknown connector "${String(input.connector)}"`;
  if (typeof input.externalId !== 'string' || input.externalId.trim() === '') return 'externalId is missing';
  if (typeof input.text !== 'string') return 'text is missing';
  if (input.text.trim() === '' && !input.title?.trim()) return 'no text and no title';
  if (!input.author || typeof input.author.handle !== 'string') return 'author.handle is missing';
  if (typeof input.publishedAt !== 'string' || Number.isNaN(Date.parse(input.publishedAt))) return `publishedAt "${String(input.publishedAt)}" is not a date`;
  return undefined;
}

/**
 * The ingest pipeline: normalised mentions → dedupe → analyse → match queries → store → emit.
 * Idempotent: the same batch twice inserts nothing the second time (the store upserts on
 * workspace + connector + externalId), so a retried poll or a restart never duplicates.
 *
 * @example
 * const ingest = createIngestPipeline({ store, analyze, queryIndex, emit });
 * const report = await ingest(workspaceId, connectorOutput, { sourceId });
 */
export function createIngestPipeline(deps: IngestDeps) {
  return async function ingest(workspaceId: string, inputs: MentionInput[], options: { sourceId?: string } = {}): Promise<IngestReport> {
    const skipped: IngestReport['skipped'] = [];
    const seen = new Set<string>();
    const batch: NewMention[] = [];
    inputs.forEach((input, index) => {
      const reason = checkMentionInput(input);
      if (reason) {
        skipped.push({ index, externalId: typeof input?.externalId === 'string' ? input.externalId : undefined, reason });
        return;
      }
      const key = `${input.connector}\u0000${input.externalId}`;
      if (seen.has(key)) return;
      seen.add(key);
      const text = input.text.length > MAX_TEXT_LENGTH ? input.text.slice(0, MAX_TEXT_LENGTH) : input.text;
      const analysis = deps.analyze({ text, title: input.title, lang: input.lang, author: input.author, engagement: input.engagement });
      const lang = analysis.lang && analysis.lang.value !== 'unknown' ? analysis.lang.value : input.lang;
      const { queryIds, topicIds } = deps.queryIndex.match(workspaceId, toMatchable({ ...input, text, lang }));
      batch.push({ ...input, text, lang, sourceId: options.sourceId, analysis, queryIds, topicIds });
    });
    const result = batch.length > 0 ? await deps.store.mentions.upsertMany(workspaceId, batch) : { inserted: [], updated: 0 };
    for (const mention of result.inserted) deps.emit(mention);
    return { received: inputs.length, inserted: result.inserted.length, updated: result.updated, skipped, mentions: result.inserted };
  };
}

export type Ingest = ReturnType<typeof createIngestPipeline>;
