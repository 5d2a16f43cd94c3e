import type { Command } from 'commander';
import { AppError } from '@vigie/core';
import type { InboxViewName } from '@vigie/client';
import { connect, printJson, printTable } from '../cli-context';

const VIEWS: InboxViewName[] = ['open', 'mine', 'unanswered', 'overdue', 'snoozed', 'closed'];

interface InboxListOptions {
  view: string;
  member?: string;
  limit: string;
  lang: string;
  json?: boolean;
  url?: string;
  token?: string;
}

/** `vigie inbox list`: the conversations of one inbox view, most important first, with the reasons. */
export function registerInboxList(inbox: Command): void {
  inbox
    .command('list')
    .description('conversations that need a human, most important first / conversations à traiter')
    .option('--view <view>', VIEWS.join('|'), 'open')
    .option('--member <userId>', 'a member\'s user id for --view mine (default: the token\'s creator) / identifiant du membre pour --view mine')
    .option('-n, --limit <n>', 'how many', '20')
    .option('--lang <lang>', 'language of the reasons (fr, en)', 'fr')
    .option('--json', 'JSON output')
    .option('--url <url>', 'the running Vigie (VIGIE_URL)')
    .option('--token <token>', 'API token (VIGIE_TOKEN) / jeton d’API')
    .action(async (options: InboxListOptions) => {
      if (!VIEWS.includes(options.view as InboxViewName)) throw new AppError('validation_failed', `unknown view "${options.view}"`, [{ field: 'view', message: `expected ${VIEWS.join(', ')}` }]);
      const page = await connect(options).inbox.list({ view: options.view as InboxViewName, member: options.member, limit: Number(options.limit) });
      if (options.json) return printJson(page);
      const fr = options.lang !== 'en';
      printTable(
        page.items.map((c) => ({
          priority: c.priority,
          status: c.status,
          due: c.sla ?? '',
          network: c.connector,
          author: c.lastAuthor,
          advice: c.recommendation?.action ?? '',
          reasons: c.reasons.map((r) => (fr ? r.messageFr : r.message)).join('; '),
          text: c.preview.replace(/\s+/g, ' '),
          id: c.id,
        })),
        ['priority', 'status', 'due', 'network', 'author', 'advice', 'reasons', 'text', 'id'],
      );
    });
}
