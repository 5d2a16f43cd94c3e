import type { Command } from 'commander';
import { printJson, printTable, withLocalVigie } from '../cli-context';
import { io } from '../io';

/** `vigie users list`: every person with an account on this server and their roles per workspace. */
export function registerUsersList(users: Command): void {
  users
    .command('list')
    .description('people with an account and their roles / personnes ayant un compte et leurs rôles')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .option('--json', 'JSON output')
    .action(async (options: { data?: string; json?: boolean }) => {
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const rows = new Map<string, { id: string; email: string; name: string; locale: string; disabled: boolean; roles: string[] }>();
        for (const workspace of await vigie.store.workspaces.list()) {
          for (const member of await vigie.store.memberships.listByWorkspace(workspace.id)) {
            const row = rows.get(member.userId) ?? { id: member.userId, email: member.user.email, name: member.user.name, locale: member.user.locale, disabled: member.user.disabledAt !== undefined, roles: [] };
            row.roles.push(`${workspace.slug}:${member.role}`);
            rows.set(member.userId, row);
          }
        }
        const items = [...rows.values()].sort((a, b) => a.email.localeCompare(b.email));
        if (options.json) return printJson(items);
        if (items.length === 0) {
          io().stderr.write('no account yet: run `vigie setup` / aucun compte : lancez `vigie setup`\n');
          return;
        }
        printTable(items.map((u) => ({ email: u.email, name: u.name, roles: u.roles.join(' '), state: u.disabled ? 'disabled' : 'active', id: u.id })), ['email', 'name', 'roles', 'state', 'id']);
      });
    });
}
