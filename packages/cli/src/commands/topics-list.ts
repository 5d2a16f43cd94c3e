import type { Command } from 'commander';
import { connect, printJson, printTable } from '../cli-context';

export function registerTopicsList(topics: Command): void {
  topics
    .command('list')
    .description('list topics and their queries / lister les sujets')
    .option('--json', 'JSON output')
    .option('--url <url>', 'the running Vigie (VIGIE_URL)')
    .option('--token <token>', 'API token (VIGIE_TOKEN) / jeton d’API')
    .action(async (options: { json?: boolean; url?: string; token?: string }) => {
      const items = await connect(options).topics.list();
      if (options.json) return printJson(items);
      printTable(
        items.map((t) => ({ id: t.id, name: t.name, kind: t.kind, queries: t.queries.map((q) => q.text).join(' | ') })),
        ['id', 'name', 'kind', 'queries'],
      );
    });
}
