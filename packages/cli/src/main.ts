/**
 * The `vigie` binary's entry (bin/vigie.js loads it): runs the command line with the process's
 * streams, and exits with the command's code when it failed. A command that succeeded lets the
 * process end by itself (`serve` keeps running).
 */
import { runCli } from './run-cli';

runCli(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`vigie: ${String(error)}\n`);
    process.exit(1);
  },
);
