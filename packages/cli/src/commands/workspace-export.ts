import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { withLocalVigie } from '../cli-context';
import { cliActor, workspaceOf } from '../local-admin';
import { io } from '../io';

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/**
 * `vigie workspace export [--workspace slug] > file.jsonl`: everything of a workspace as JSONL,
 * one record per line with its `type` (same as GET /api/workspace/export), secrets left out.
 */
export function registerWorkspaceExport(workspace: Command): void {
  workspace
    .command('export')
    .description('export a whole workspace as JSONL / exporter tout un espace en JSONL')
    .option('-w, --workspace <slug>', 'workspace slug (default: the first workspace)')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('-o, --out <file>', 'output file (default: standard output)')
    .action(async (options: { workspace?: string; data?: string; out?: string }) => {
      const out: Writable = options.out ? createWriteStream(options.out, { mode: 0o600 }) : io().stdout;
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const target = await workspaceOf(vigie, options.workspace);
        await vigie.store.audit.append({ workspaceId: target.id, at: vigie.now().toISOString(), actor: cliActor('workspace export'), action: 'data.export', target: `workspace:${target.id}` });
        const chunks = vigie.dataRights.exportWorkspace(target.id);
        let step = await chunks.next();
        while (!step.done) {
          if (step.value !== '') await write(out, step.value);
          step = await chunks.next();
        }
        const counts = Object.entries(step.value).filter(([, n]) => n > 0).map(([type, n]) => `${n} ${type}`).join(', ');
        io().stderr.write(`workspace "${target.slug}" exported / espace exporté: ${counts}\n`);
      });
      if (options.out) await new Promise<void>((resolve) => out.end(resolve));
    });
}
