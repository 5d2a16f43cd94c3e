/**
 * The `vigie` command line. Commands that act on a running Vigie go through @vigie/client;
 * local administration (serve, init, fetch, import, export) starts the server's composition root.
 * `runCli` runs one command line and returns its exit code; main.ts calls it with the process's
 * arguments and streams, tests call it in-process with their own (io.ts).
 */
import { Command, CommanderError } from 'commander';
import { AppError, ERROR_CODES, type ErrorCode } from '@vigie/core';
import { isClientError } from '@vigie/client';
import { registerServe } from './commands/serve';
import { registerInit } from './commands/init';
import { registerTopicsAdd } from './commands/topics-add';
import { registerTopicsList } from './commands/topics-list';
import { registerSourcesAdd } from './commands/sources-add';
import { registerSourcesList } from './commands/sources-list';
import { registerFetch } from './commands/fetch';
import { registerMentionsList } from './commands/mentions-list';
import { registerImport } from './commands/import';
import { registerExport } from './commands/export';
import { registerQuery } from './commands/query-check';
import { registerAnalysis } from './commands/analyze';
import { registerGuard } from './commands/guard';
import { registerAlertsBacktest } from './commands/alerts-backtest';
import { registerAlertsRules } from './commands/alerts-rules';
import { registerInboxList } from './commands/inbox-list';
import { registerSetup } from './commands/setup';
import { registerTokens } from './commands/tokens';
import { registerUsersList } from './commands/users-list';
import { registerWorkspaceExport } from './commands/workspace-export';
import { registerDataEraseAuthor } from './commands/data-erase-author';
import { registerSecretsRotate } from './commands/secrets-rotate';
import { io, withIo, type CliIo } from './io';

export function createProgram(): Command {
  const program = new Command('vigie')
    .description('Vigie — social listening and community management / veille et gestion de communauté')
    .version('0.1.0')
    // Set before the subcommands are added, which inherit them: help and usage errors go to
    // io()'s streams, and no subcommand ends the process itself (runCli returns the code).
    .configureOutput({ writeOut: (text) => io().stdout.write(text), writeErr: (text) => io().stderr.write(text) })
    .exitOverride()
    .showHelpAfterError();
  registerServe(program);
  registerInit(program);
  const topics = program.command('topics').description('topics: brand, products, competitors, campaigns / sujets');
  registerTopicsAdd(topics);
  registerTopicsList(topics);
  const sources = program.command('sources').description('sources: feeds, hashtags, searches / sources');
  registerSourcesAdd(sources);
  registerSourcesList(sources);
  registerFetch(program);
  const mentions = program.command('mentions').description('mentions found / mentions trouvées');
  registerMentionsList(mentions);
  registerImport(program);
  registerExport(program);
  registerQuery(program.command('query').description('the listening query language / le langage de requêtes'));
  registerAnalysis(program);
  registerGuard(program);
  const alerts = program.command('alerts').description('alerts: rules and backtest / alertes : règles et backtest');
  registerAlertsBacktest(alerts);
  registerAlertsRules(alerts);
  registerInboxList(program.command('inbox').description('the inbox: conversations that need a human / la boîte de réception'));
  registerSetup(program);
  registerTokens(program);
  registerUsersList(program.command('users').description('people with an account / personnes ayant un compte'));
  registerWorkspaceExport(program.command('workspace').description('a workspace and its data / un espace et ses données'));
  registerDataEraseAuthor(program.command('data').description('data rights: erasure / droits sur les données : effacement'));
  registerSecretsRotate(program.command('secrets').description('secrets stored encrypted: key rotation / secrets chiffrés : rotation de clé'));
  return program;
}

/** One clear line on stderr and the exit code of the error table; a stack trace only for bugs. */
function fail(error: unknown): number {
  const stderr = io().stderr;
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof AppError) {
    stderr.write(`vigie: ${error.message}\n`);
    for (const d of error.details) if (!error.message.includes(d.message)) stderr.write(`  ${[d.field, d.line && `line ${d.line}`, d.column && `column ${d.column}`].filter(Boolean).join(', ')}: ${d.message}\n`);
    return error.exitCode;
  }
  if (isClientError(error)) {
    stderr.write(`vigie: ${error.message}\n`);
    for (const d of error.details) stderr.write(`  ${d.field ?? ''}: ${d.message}\n`);
    const row = ERROR_CODES[error.code as ErrorCode] as { exit: number } | undefined;
    return row?.exit ?? 1;
  }
  stderr.write(`vigie: unexpected error (a bug — please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

/**
 * Runs one `vigie` command line (the arguments after `vigie`) and returns its exit code. Without
 * `streams`, the process's stdin, stdout, stderr and environment; with them, what the command
 * reads and prints stays in them (tests).
 *
 * @example
 * const code = await runCli(['query', 'check', 'vigie AND app'], { stdin, stdout, stderr, env });
 */
export async function runCli(args: readonly string[], streams?: CliIo): Promise<number> {
  const run = async (): Promise<number> => {
    try {
      await createProgram().parseAsync([...args], { from: 'user' });
      return 0;
    } catch (error) {
      return fail(error);
    }
  };
  return streams ? withIo(streams, run) : run();
}
