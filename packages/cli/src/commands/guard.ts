import type { Command } from 'commander';
import { AppError } from '@vigie/core';
import { io } from '../io';

const LANGS = ['fr', 'en'];
const NETWORKS = ['x', 'bluesky', 'mastodon', 'linkedin', 'facebook', 'instagram'];

interface GuardOptions {
  lang?: string;
  network?: string;
  replyTo?: string;
}

/**
 * `vigie guard [--lang fr|en] [--network x|…] [--reply-to "original"] "draft"`: checks a draft
 * locally (no server needed) and prints the verdict JSON — the same as `POST /api/guard`. The
 * exit code is 0 whatever the verdict, so scripts read the JSON; only bad input fails.
 */
export function registerGuard(program: Command): void {
  program
    .command('guard <draft>')
    .description('check a draft reply before it leaves: verdict ok/review/hold with reasons and suggestions / relire un brouillon de réponse')
    .option('--lang <lang>', 'fr or en (guessed when absent)')
    .option('--network <network>', NETWORKS.join('|'))
    .option('--reply-to <text>', 'the message being answered / le message auquel on répond')
    .action(async (draft: string, options: GuardOptions) => {
      const problems = [];
      if (draft.trim() === '') problems.push({ field: 'draft', message: 'the draft is empty / le brouillon est vide' });
      if (options.lang !== undefined && !LANGS.includes(options.lang)) problems.push({ field: 'lang', message: `expected fr or en, got "${options.lang}" / attendu fr ou en` });
      if (options.network !== undefined && !NETWORKS.includes(options.network)) problems.push({ field: 'network', message: `expected ${NETWORKS.join(', ')}, got "${options.network}"` });
      if (problems.length > 0) throw new AppError('validation_failed', 'Invalid draft or options / brouillon ou options invalides', problems);
      const { guardDraft } = await import('@vigie/server');
      const view = guardDraft({ text: draft, ...(options.lang && { lang: options.lang }), ...(options.network && { network: options.network }), ...(options.replyTo !== undefined && { replyTo: options.replyTo }) });
      io().stdout.write(`${JSON.stringify(view)}\n`);
    });
}
