import type { Command } from 'commander';
import { connect, printJson, printTable } from '../cli-context';

/** `vigie sources list` and `vigie sources status` (the same sources, the second with their health). */
export function registerSourcesList(sources: Command): void {
  for (const [name, withHealth] of [['list', false], ['status', true]] as const) {
    sources
      .command(name)
      .description(withHealth ? 'health of every source: last success, last error, next run / santé des sources' : 'list sources / lister les sources')
      .option('--json', 'JSON output')
      .option('--url <url>', 'the running Vigie (VIGIE_URL)')
      .option('--token <token>', 'API token (VIGIE_TOKEN) / jeton d’API')
      .action(async (options: { json?: boolean; url?: string; token?: string }) => {
        const client = connect(options);
        const items = await client.sources.list();
        // The account a source uses, and its status: a source of an account that needs
        // re-authorisation is stopped until the account is re-authorised.
        const accounts = withHealth && items.some((s) => s.accountId) ? await client.accounts.list() : [];
        const accountOf = (id?: string) => (id ? accounts.find((a) => a.id === id) : undefined);
        if (options.json) return printJson(withHealth ? items.map((s) => ({ ...s, account: accountOf(s.accountId) })) : items);
        const columns = withHealth ? ['id', 'name', 'status', 'account', 'lastSuccessAt', 'nextRunAt', 'failures', 'lastError'] : ['id', 'connector', 'name', 'interval', 'enabled'];
        printTable(
          items.map((s) => ({
            id: s.id,
            connector: s.connector,
            name: s.name,
            interval: `${s.pollIntervalSec}s`,
            enabled: s.enabled ? 'yes' : 'no',
            status: s.health.status,
            lastSuccessAt: s.health.lastSuccessAt ?? '-',
            nextRunAt: s.health.nextRunAt,
            failures: s.health.consecutiveFailures,
            lastError: s.health.lastError ? `${s.health.lastError.code}: ${s.health.lastError.message}` : '',
            account: ((a) => (a ? `${a.name} (${a.status}${a.budget?.monthlyReads !== undefined ? `, ${a.budget.used}/${a.budget.monthlyReads} reads` : ''})` : '-'))(accountOf(s.accountId)),
          })),
          columns,
        );
      });
  }
}
