/**
 * Runs `vigie` for the CLI tests, two ways with the same result shape: in-process through
 * `runCli` (fast: no new Node process, no TypeScript loading — most assertions), or by spawning
 * the real binary (a few per file, to prove bin/vigie.js, the exit code and the streams work).
 * Both get the test process's environment plus `VIGIE_LOG_LEVEL=silent` and the given `env`
 * (a variable given as `undefined` is removed), and an empty stdin unless `stdin` is given.
 */
import { execFile } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../run-cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliCall {
  stdin?: string;
  env?: Record<string, string | undefined>;
}

const bin = new URL('../../bin/vigie.js', import.meta.url).pathname;

function environment(env: Record<string, string | undefined> = {}): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...process.env, VIGIE_LOG_LEVEL: 'silent', ...env };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function capture(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** `vigie <args>` in this process. */
export async function vigieInProcess(args: string[], call: CliCall = {}): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const stdin = Readable.from(call.stdin === undefined || call.stdin === '' ? [] : [Buffer.from(call.stdin)]);
  const code = await runCli(args, { stdin, stdout: stdout.stream, stderr: stderr.stream, env: environment(call.env) });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** `vigie <args>` as a new process of the real binary. */
export function vigieSpawned(args: string[], call: CliCall = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env: environment(call.env), timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(call.stdin ?? '');
  });
}
