import type { Command } from 'commander';
import { withLocalVigie, printJson, printTable } from '../cli-context';
import { io } from '../io';

interface BacktestOptions {
  from: string;
  to: string;
  json?: boolean;
  data?: string;
  lang: string;
}

/**
 * `vigie alerts backtest --from … --to …`: local administration — replays the stored mentions of
 * the data folder through the detectors (the workspace's rules, or one rule per topic with every
 * detector when there is none) and lists the episodes that would have opened, and when.
 */
export function registerAlertsBacktest(alerts: Command): void {
  alerts
    .command('backtest')
    .description('replay stored history through the detectors / rejouer l’historique dans les détecteurs')
    .requiredOption('--from <iso>', 'start (ISO date) / début')
    .requiredOption('--to <iso>', 'end (ISO date) / fin')
    .option('--json', 'JSON: [{"topic","kind","startedAt","detectedAt","explanation"}]')
    .option('--lang <lang>', 'language of the explanation (fr, en)', 'fr')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .action(async (options: BacktestOptions) => {
      const { backtestStoredHistory } = await import('@vigie/server');
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const episodes = await backtestStoredHistory(vigie.store, vigie.defaultWorkspace.id, { from: options.from, to: options.to });
        if (options.json) {
          printJson(episodes.map((e) => ({ topic: e.topic, kind: e.kind, startedAt: e.startedAt, detectedAt: e.detectedAt, explanation: e.explanation })));
          return;
        }
        const fr = options.lang !== 'en';
        printTable(
          episodes.map((e) => ({
            kind: e.kind,
            topic: e.topic,
            started: e.startedAt,
            detected: e.detectedAt,
            delay: `${Math.round((Date.parse(e.detectedAt) - Date.parse(e.startedAt)) / 60_000)} min`,
            explanation: (fr ? e.explanation.fr : e.explanation.en).replace(/\s+/g, ' '),
          })),
          ['kind', 'topic', 'started', 'detected', 'delay', 'explanation'],
        );
        io().stdout.write(fr ? `${episodes.length} épisode(s)\n` : `${episodes.length} episode(s)\n`);
      });
    });
}
