import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { AppError } from '@vigie/core';
import type { MentionFileFormat } from '@vigie/server';
import { withLocalVigie } from '../cli-context';
import { io } from '../io';

const BATCH = 500;

/**
 * `vigie import <file.jsonl|file.csv>`: bad lines are reported with their number and reason, the
 * good ones are kept; importing the same file twice adds nothing (upsert on connector + id).
 */
export function registerImport(program: Command): void {
  program
    .command('import <file>')
    .description('import mentions from JSONL or CSV / importer des mentions')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('-f, --format <format>', 'jsonl or csv (default: from the file name)')
    .action(async (file: string, options: { data?: string; format?: string }) => {
      const { formatOf, parseMentionFile } = await import('@vigie/server');
      const format = (options.format ?? formatOf(file)) as MentionFileFormat | undefined;
      if (format !== 'jsonl' && format !== 'csv') throw new AppError('validation_failed', `cannot tell the format of ${file}: use --format jsonl or --format csv`, [{ field: 'format', message: 'expected jsonl or csv' }]);
      const lines = parseMentionFile(readFileSync(file, 'utf8'), format);
      const good = lines.filter((l) => l.mention);
      const bad = lines.filter((l) => l.error);
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const bar = new SingleBar({ format: ' {bar} {value}/{total} mentions', stream: io().stderr }, Presets.shades_classic);
        bar.start(good.length, 0);
        let inserted = 0;
        let skippedByPipeline = 0;
        for (let i = 0; i < good.length; i += BATCH) {
          const batch = good.slice(i, i + BATCH);
          const report = await vigie.ingest(vigie.defaultWorkspace.id, batch.map((l) => l.mention!));
          inserted += report.inserted;
          skippedByPipeline += report.skipped.length;
          for (const skip of report.skipped) bad.push({ line: batch[skip.index]?.line ?? 0, error: skip.reason });
          bar.increment(batch.length);
        }
        bar.stop();
        bad.sort((a, b) => a.line - b.line);
        for (const line of bad) io().stderr.write(`${file}:${line.line}: ${line.error}\n`);
        const accepted = good.length - skippedByPipeline;
        io().stdout.write(`${lines.length} records read: ${inserted} new mentions, ${accepted - inserted} already known, ${bad.length} rejected\n`);
      });
    });
}
