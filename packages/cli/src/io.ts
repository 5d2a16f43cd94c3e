/**
 * The CLI's standard streams and environment. Commands write to `io().stdout` / `io().stderr`,
 * read `io().stdin` and `io().env` — the process's own, unless `runCli` was given others (tests
 * run commands in-process and capture what they print, without spawning the binary).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

const current = new AsyncLocalStorage<CliIo>();

/** The streams and environment of the command running now (the process's by default). */
export function io(): CliIo {
  return current.getStore() ?? { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Runs `fn` with these streams and environment (see run-cli.ts). */
export function withIo<T>(streams: CliIo, fn: () => Promise<T>): Promise<T> {
  return current.run(streams, fn);
}
