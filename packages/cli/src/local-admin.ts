/**
 * Helpers of the local administration commands that act on people and data (setup, tokens,
 * users, workspace export, data erase-author, secrets rotate): who the audit log names, which
 * workspace a `--workspace <slug>` means, and prompts with hidden input.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError, type AuditActor, type Workspace } from '@vigie/core';
import type { Vigie } from '@vigie/server';
import { io } from './io';

/** The audit actor of a CLI command: kind `cli`, labelled with the command and the system user. */
export function cliActor(command: string): AuditActor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the command alone names the actor.
  }
  return { kind: 'cli', label: `vigie ${command} (${user})` };
}

/** The workspace a `--workspace <slug>` names; the instance's first (default) workspace without one. */
export async function workspaceOf(vigie: Vigie, slug: string | undefined): Promise<Workspace> {
  if (slug === undefined) return vigie.defaultWorkspace;
  const workspace = await vigie.store.workspaces.getBySlug(slug);
  if (!workspace) {
    const known = (await vigie.store.workspaces.list()).map((w) => w.slug).join(', ');
    throw new AppError('not_found', `no workspace "${slug}" / aucun espace « ${slug} » (known / existants: ${known})`);
  }
  return workspace;
}

/** A positive whole number option (e.g. `--expires-days 30`). */
export function positiveInteger(value: string, field: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new AppError('validation_failed', `${field}: expected a whole number from 1 to ${max}`, [{ field, message: `expected a whole number from 1 to ${max}` }]);
  return n;
}

/**
 * Asks questions on the terminal; `hidden` ones do not echo what is typed (passwords).
 *
 * @example
 * const ask = createPrompt();
 * const password = await ask.question('Password / Mot de passe: ', { hidden: true });
 * ask.close();
 */
export function createPrompt(input: NodeJS.ReadableStream = io().stdin, output: NodeJS.WritableStream = io().stderr) {
  let muted = false;
  const echo = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output: echo, terminal: (input as { isTTY?: boolean }).isTTY === true });
  // Lines are buffered by the iterator: piped answers that arrive all at once are not lost.
  const lines = rl[Symbol.asyncIterator]();
  return {
    async question(prompt: string, options: { hidden?: boolean } = {}): Promise<string> {
      output.write(prompt);
      muted = options.hidden === true;
      try {
        const next = await lines.next();
        if (next.done === true) throw new AppError('validation_failed', 'the input ended before every answer was given / l’entrée s’est terminée avant toutes les réponses');
        const answer = String(next.value);
        // A password is taken exactly as typed; other answers lose stray spaces.
        return muted ? answer : answer.trim();
      } finally {
        if (muted) output.write('\n');
        muted = false;
      }
    },
    close: () => rl.close(),
  };
}
