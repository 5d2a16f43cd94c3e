import type { Command } from 'commander';
import { withLocalVigie } from '../cli-context';
import { io } from '../io';

/** `vigie init`: create the data folder and database (migrations), nothing else. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create the data folder and the database / créer le dossier de données et la base')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .action(async (options: { data?: string }) => {
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const where = vigie.config.databaseUrl ? 'PostgreSQL' : `${vigie.config.dataDir}/vigie.db`;
        io().stdout.write(`Database ready (${where}), workspace "${vigie.defaultWorkspace.name}".\nBase prête. Lancez \`vigie serve\`.\n`);
      });
    });
}
