import type { Command } from 'commander';
import { AppError, isConnectorId } from '@vigie/core';
import { printJson, withLocalVigie } from '../cli-context';
import { cliActor, workspaceOf } from '../local-admin';
import { io } from '../io';

/**
 * `vigie data erase-author <handle> [--connector c]`: deletes every mention by one author (a
 * person exercising their right to erasure), then the conversations left empty.
 */
export function registerDataEraseAuthor(data: Command): void {
  data
    .command('erase-author <handle>')
    .description('erase every mention by one author / effacer toutes les mentions d’un auteur')
    .option('--connector <connector>', 'only on this network (default: all) / seulement sur ce réseau')
    .option('-w, --workspace <slug>', 'workspace slug (default: the first workspace)')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('--json', 'JSON output')
    .action(async (handle: string, options: { connector?: string; workspace?: string; data?: string; json?: boolean }) => {
      const connector = options.connector;
      if (connector !== undefined && !isConnectorId(connector)) throw new AppError('validation_failed', `--connector: unknown connector "${connector}" / connecteur inconnu`, [{ field: 'connector', message: 'unknown connector' }]);
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const workspace = await workspaceOf(vigie, options.workspace);
        const report = await vigie.dataRights.eraseAuthor(workspace.id, { handle, ...(connector !== undefined && { connector }) });
        await vigie.store.audit.append({ workspaceId: workspace.id, at: vigie.now().toISOString(), actor: cliActor('data erase-author'), action: 'data.erase_author', target: `author:${connector ?? '*'}:${handle.trim()}`, details: { ...report } });
        if (options.json) return printJson(report);
        io().stdout.write(`${report.deletedMentions} mentions and ${report.deletedConversations} conversations deleted / ${report.deletedMentions} mentions et ${report.deletedConversations} conversations supprimées\n`);
      });
    });
}
