import type { Command } from 'commander';
import type { MentionListFilter } from '@vigie/client';
import { connect, printJson, printTable } from '../cli-context';

interface MentionOptions {
  topic?: string;
  connector?: string;
  lang?: string;
  since?: string;
  until?: string;
  limit: string;
  json?: boolean;
  url?: string;
  token?: string;
}

/** `vigie mentions list` and `vigie mentions search <text>` (full-text, accent-insensitive). */
export function registerMentionsList(mentions: Command): void {
  const run = async (search: string | undefined, options: MentionOptions) => {
    const filter = { search, topic: options.topic, connector: options.connector, lang: options.lang, since: options.since, until: options.until, limit: Number(options.limit) } as MentionListFilter;
    const page = await connect(options).mentions.list(filter);
    if (options.json) return printJson(page);
    printTable(
      page.items.map((m) => ({
        date: m.publishedAt.slice(0, 16).replace('T', ' '),
        connector: m.connector,
        author: m.author.handle,
        lang: m.lang ?? '',
        sentiment: (m.analysis.sentiment as { label?: string } | undefined)?.label ?? '',
        text: (m.title ? `${m.title} — ${m.text}` : m.text).replace(/\s+/g, ' '),
      })),
      ['date', 'connector', 'author', 'lang', 'sentiment', 'text'],
    );
  };
  const withFilters = (command: Command) =>
    command
      .option('-t, --topic <id>', 'topic id')
      .option('-c, --connector <id>', 'connector id (rss, mastodon…)')
      .option('-l, --lang <lang>', 'language (fr, en…)')
      .option('--since <date>', 'ISO date, inclusive')
      .option('--until <date>', 'ISO date, exclusive')
      .option('-n, --limit <n>', 'how many', '20')
      .option('--json', 'JSON output')
      .option('--url <url>', 'the running Vigie (VIGIE_URL)')
      .option('--token <token>', 'API token (VIGIE_TOKEN) / jeton d’API');
  withFilters(mentions.command('list').description('newest mentions / dernières mentions')).action((options: MentionOptions) => run(undefined, options));
  withFilters(mentions.command('search <text>').description('full-text search / recherche plein texte')).action((text: string, options: MentionOptions) => run(text, options));
}
