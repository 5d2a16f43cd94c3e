import type { Command } from 'commander';
import { CONNECTOR_IDS, type ConnectorId } from '@vigie/core';
import { connect, printJson } from '../cli-context';

export function registerSourcesAdd(sources: Command): void {
  sources
    .command('add <connector> <url>')
    .description(`add a source, e.g. \`vigie sources add rss https://blog.example/feed\` (connectors: ${CONNECTOR_IDS.join(', ')})`)
    .option('-n, --name <name>', 'display name')
    .option('-i, --interval <seconds>', 'polling interval in seconds', (v) => Number.parseInt(v, 10))
    .option('--url <url>', 'the running Vigie (VIGIE_URL)')
    .option('--token <token>', 'API token (VIGIE_TOKEN) / jeton d’API')
    .action(async (connector: string, feedUrl: string, options: { name?: string; interval?: number; url?: string; token?: string }) => {
      const source = await connect(options).sources.create({ connector: connector as ConnectorId, url: feedUrl, name: options.name, pollIntervalSec: options.interval });
      printJson(source);
    });
}
