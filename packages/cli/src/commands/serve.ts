import type { Command } from 'commander';
import { io } from '../io';

/** `vigie serve`: web interface + API + background polling, on SQLite (or PostgreSQL) with the demo. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start Vigie: web interface, API and source polling / démarrer Vigie')
    .option('-p, --port <port>', 'HTTP port (VIGIE_PORT, default 4000)', (v) => Number.parseInt(v, 10))
    .option('-d, --data <dir>', 'data folder for SQLite (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('--host <host>', 'interface to listen on (VIGIE_HOST, default 127.0.0.1)')
    .option('--no-demo', 'do not seed the demo workspace')
    .action(async (options: { port?: number; data?: string; host?: string; demo: boolean }) => {
      const { startServer } = await import('@vigie/server');
      const server = await startServer({ port: options.port, dataDir: options.data, host: options.host, ...(options.demo ? {} : { demo: false }) });
      io().stdout.write(`Vigie is running at ${server.url} (${server.vigie.store.dialect}) — Vigie tourne sur ${server.url}\n`);
      const setupLink = server.vigie.setupLink();
      if (setupLink) {
        io().stdout.write(`\nFirst start: create the owner account at / Premier démarrage : créez le compte propriétaire sur\n  ${setupLink}\n(or / ou : npx vigie setup)\n\n`);
      }
      const stop = () => {
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
