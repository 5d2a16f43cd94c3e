import type { Command } from 'commander';
import { TOPIC_KINDS, type TopicKind } from '@vigie/core';
import { connect, printJson } from '../cli-context';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerTopicsAdd(topics: Command): void {
  topics
    .command('add <name>')
    .description('add a topic with its queries / ajouter un sujet')
    .option('-k, --kind <kind>', `one of ${TOPIC_KINDS.join(', ')}`, 'brand')
    .option('-q, --query <query>', 'a Boolean listening query (repeatable)', collect, [])
    .option('-x, --exclude <query>', 'exclusions shared by all the queries of the topic')
    .option('--url <url>', 'the running Vigie (VIGIE_URL)')
    .option('--token <token>', 'API token (VIGIE_TOKEN) / jeton d’API')
    .action(async (name: string, options: { kind: string; query: string[]; exclude?: string; url?: string; token?: string }) => {
      const topic = await connect(options).topics.create({ name, kind: options.kind as TopicKind, queries: options.query, exclusions: options.exclude });
      printJson(topic);
    });
}
