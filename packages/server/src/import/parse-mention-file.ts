import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { isConnectorId, type MentionInput } from '@vigie/core';

export type MentionFileFormat = 'jsonl' | 'csv';

export interface ParsedLine {
  line: number;
  mention?: MentionInput;
  error?: string;
}

/** Picks the format from the file name (`.jsonl`, `.ndjson`, `.json` → jsonl; `.csv` → csv). */
export function formatOf(fileName: string): MentionFileFormat | undefined {
  if (/\.(jsonl|ndjson|json)$/i.test(fileName)) return 'jsonl';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return undefined;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * One imported record → a mention, or the reason it cannot be one. Accepts Vigie's own export
 * shape and the common column names of other tools' exports (id, text/content, date, author…).
 */
export function toImportedMention(record: Record<string, unknown>): { mention?: MentionInput; error?: string } {
  const text = str(record.text) ?? str(record.content) ?? str(record.body) ?? str(record.message);
  const title = str(record.title);
  if (!text && !title) return { error: 'field "text" is missing or empty' };
  const dateRaw = str(record.publishedAt) ?? str(record.published_at) ?? str(record.date) ?? str(record.created_at);
  if (!dateRaw) return { error: 'field "publishedAt" (or "date") is missing' };
  const time = Date.parse(dateRaw);
  if (Number.isNaN(time)) return { error: `field "publishedAt": "${dateRaw}" is not a date (expected ISO-8601, e.g. 2026-11-20T10:00:00Z)` };
  const connectorRaw = str(record.connector);
  if (connectorRaw !== undefined && !isConnectorId(connectorRaw)) return { error: `field "connector": unknown connector "${connectorRaw}"` };
  const authorField = record.author;
  const author =
    authorField && typeof authorField === 'object'
      ? { handle: str((authorField as Record<string, unknown>).handle) ?? 'unknown', name: str((authorField as Record<string, unknown>).name), followers: num((authorField as Record<string, unknown>).followers) }
      : { handle: str(authorField) ?? str(record.author_handle) ?? 'unknown', name: str(record.author_name), followers: num(record.followers) };
  const publishedAt = new Date(time).toISOString();
  const externalId = str(record.externalId) ?? str(record.external_id) ?? str(record.id) ?? createHash('sha256').update(`${publishedAt}\n${text ?? ''}\n${title ?? ''}`).digest('hex').slice(0, 32);
  const engagementField = record.engagement && typeof record.engagement === 'object' ? (record.engagement as Record<string, unknown>) : record;
  return {
    mention: {
      connector: connectorRaw ?? 'import',
      externalId,
      url: str(record.url),
      author,
      title,
      text: text ?? '',
      lang: str(record.lang),
      publishedAt,
      engagement: { likes: num(engagementField.likes), reposts: num(engagementField.reposts), replies: num(engagementField.replies) },
      kind: 'post',
      raw: record,
    },
  };
}

/** Parses a JSONL or CSV file line by line; a bad line is reported with its number and reason. */
export function parseMentionFile(content: string, format: MentionFileFormat): ParsedLine[] {
  const results: ParsedLine[] = [];
  if (format === 'jsonl') {
    content.split(/\r?\n/).forEach((text, index) => {
      const line = index + 1;
      if (text.trim() === '') return;
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch (error) {
        results.push({ line, error: `invalid JSON: ${(error as Error).message}` });
        return;
      }
      if (!record || typeof record !== 'object' || Array.isArray(record)) {
        results.push({ line, error: 'expected a JSON object' });
        return;
      }
      results.push({ line, ...toImportedMention(record as Record<string, unknown>) });
    });
    return results;
  }
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(content, {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      bom: true,
      // A broken record is reported and skipped; the records after it are still read.
      skip_records_with_error: true,
      on_skip: (error: (Error & { lines?: number }) | undefined) => {
        if (error) results.push({ line: error.lines ?? 0, error: `invalid CSV: ${error.message}` });
      },
    }) as typeof rows;
  } catch (error) {
    const e = error as Error & { lines?: number };
    return [{ line: e.lines ?? 1, error: `invalid CSV: ${e.message}` }];
  }
  for (const row of rows) results.push({ line: row.info.lines, ...toImportedMention(row.record) });
  return results.sort((a, b) => a.line - b.line);
}
