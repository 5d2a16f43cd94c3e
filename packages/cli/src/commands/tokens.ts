import type { Command } from 'commander';
import { AppError, isRole, ROLES, type Role } from '@vigie/core';
import { printJson, printTable, withLocalVigie } from '../cli-context';
import { cliActor, positiveInteger, workspaceOf } from '../local-admin';
import { io } from '../io';


interface CreateOptions {
  name: string;
  role: string;
  workspace?: string;
  data?: string;
  expiresDays?: string;
}

/**
 * `vigie tokens create|list|revoke`: API tokens of a workspace, on the local database. `create`
 * prints only the token on standard output (for `VIGIE_TOKEN=$(vigie tokens create …)`); it is
 * shown this once, only its SHA-256 is stored.
 */
export function registerTokens(program: Command): void {
  const tokens = program.command('tokens').description('API tokens of a workspace / jetons d’API d’un espace');

  tokens
    .command('create')
    .description('create an API token; prints only the token / créer un jeton d’API ; n’affiche que le jeton')
    .requiredOption('--name <name>', 'what it is for / à quoi il sert')
    .requiredOption('--role <role>', `${ROLES.join('|')}`)
    .option('-w, --workspace <slug>', 'workspace slug (default: the first workspace) / espace')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('--expires-days <n>', 'expires after N days (default: never) / expire après N jours')
    .action(async (options: CreateOptions) => {
      if (!isRole(options.role)) throw new AppError('validation_failed', `--role: one of ${ROLES.join(', ')} / un de ${ROLES.join(', ')}`, [{ field: 'role', message: `expected one of ${ROLES.join(', ')}` }]);
      const role: Role = options.role;
      const name = options.name.trim();
      if (name === '' || name.length > 100) throw new AppError('validation_failed', '--name: 1 to 100 characters / 1 à 100 caractères', [{ field: 'name', message: '1 to 100 characters' }]);
      const days = options.expiresDays === undefined ? undefined : positiveInteger(options.expiresDays, 'expires-days', 3650);
      const { issueApiToken } = await import('@vigie/server');
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const workspace = await workspaceOf(vigie, options.workspace);
        const at = vigie.now();
        const { token, secret } = await issueApiToken(vigie.store, { workspaceId: workspace.id, name, role, at, ...(days !== undefined && { expiresInDays: days }) });
        await vigie.store.audit.append({ workspaceId: workspace.id, at: at.toISOString(), actor: cliActor('tokens create'), action: 'token.create', target: `token:${token.id}`, details: { name, role, prefix: token.prefix } });
        io().stdout.write(`${secret}\n`);
        io().stderr.write(`token ${token.id} (${role}) for workspace "${workspace.slug}": shown this once / affiché une seule fois\n`);
      });
    });

  tokens
    .command('list')
    .description('list the API tokens of a workspace / lister les jetons d’API')
    .option('-w, --workspace <slug>', 'workspace slug (default: the first workspace)')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('--json', 'JSON output')
    .action(async (options: { workspace?: string; data?: string; json?: boolean }) => {
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const workspace = await workspaceOf(vigie, options.workspace);
        const items = await vigie.store.apiTokens.list(workspace.id);
        if (options.json) return printJson(items);
        const now = vigie.now().toISOString();
        printTable(
          items.map((t) => ({
            id: t.id,
            name: t.name,
            role: t.role,
            prefix: `${t.prefix}…`,
            created: t.createdAt.slice(0, 10),
            'last used': t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? '',
            state: t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt <= now ? 'expired' : t.expiresAt ? `until ${t.expiresAt.slice(0, 10)}` : 'active',
          })),
          ['id', 'name', 'role', 'prefix', 'created', 'last used', 'state'],
        );
      });
    });

  tokens
    .command('revoke <id>')
    .description('revoke an API token at once / révoquer un jeton d’API')
    .option('-w, --workspace <slug>', 'workspace slug (default: the first workspace)')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .action(async (id: string, options: { workspace?: string; data?: string }) => {
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const workspace = await workspaceOf(vigie, options.workspace);
        const at = vigie.now().toISOString();
        if (!(await vigie.store.apiTokens.revoke(workspace.id, id, at))) throw new AppError('not_found', `no API token ${id} in workspace "${workspace.slug}" / aucun jeton ${id} dans cet espace`);
        await vigie.store.audit.append({ workspaceId: workspace.id, at, actor: cliActor('tokens revoke'), action: 'token.revoke', target: `token:${id}` });
        io().stdout.write(`token ${id} revoked / jeton révoqué\n`);
      });
    });
}
