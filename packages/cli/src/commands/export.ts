import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { AppError, type Mention } from '@vigie/core';
import { withLocalVigie } from '../cli-context';
import { io } from '../io';

const PAGE = 1_000;
const CSV_COLUMNS = ['id', 'connector', 'externalId', 'publishedAt', 'author', 'title', 'text', 'url', 'lang', 'sentiment', 'likes', 'reposts', 'replies', 'topics'] as const;

function csvRow(m: Mention): string[] {
  const sentiment = m.analysis.sentiment?.label ?? '';
  return [m.id, m.connector, m.externalId, m.publishedAt, m.author.handle, m.title ?? '', m.text, m.url ?? '', m.lang ?? '', sentiment, String(m.engagement.likes ?? ''), String(m.engagement.reposts ?? ''), String(m.engagement.replies ?? ''), m.topicIds.join(' ')];
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** `vigie export`: every mention as JSONL (re-importable) or CSV (with a BOM for French Excel). */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export mentions as JSONL or CSV / exporter les mentions')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('-f, --format <format>', 'jsonl or csv', 'jsonl')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .option('--topic <id>', 'only this topic')
    .option('--since <date>', 'ISO date, inclusive')
    .action(async (options: { data?: string; format: string; out?: string; topic?: string; since?: string }) => {
      if (options.format !== 'jsonl' && options.format !== 'csv') throw new AppError('validation_failed', `unknown format "${options.format}": use jsonl or csv`, [{ field: 'format', message: 'expected jsonl or csv' }]);
      const out: Writable = options.out ? createWriteStream(options.out) : io().stdout;
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        if (options.format === 'csv') await write(out, `\uFEFF${stringify([[...CSV_COLUMNS]])}`);
        let cursor: string | undefined;
        let count = 0;
        do {
          const page = await vigie.store.mentions.list(vigie.defaultWorkspace.id, { topicId: options.topic, since: options.since }, { limit: PAGE, cursor });
          const chunk = options.format === 'csv' ? stringify(page.items.map(csvRow)) : page.items.map((m) => `${JSON.stringify(m)}\n`).join('');
          await write(out, chunk);
          count += page.items.length;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        io().stderr.write(`${count} mentions exported\n`);
      });
      if (options.out) await new Promise<void>((resolve) => out.end(resolve));
    });
}
