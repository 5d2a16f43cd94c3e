import type { Command } from 'commander';
import { AppError, DETECTOR_KINDS, type AlertRuleInput } from '@vigie/core';
import { connect, printJson, printTable } from '../cli-context';
import { io } from '../io';

interface AddOptions {
  name: string;
  topic?: string;
  query?: string;
  detectors: string;
  sensitivity: string;
  cooldown: string;
  quiet?: string;
  timeZone: string;
  email?: string[];
  webhook?: string;
  format: string;
  secret?: string;
  inApp?: boolean;
  json?: boolean;
  url?: string;
  token?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `vigie alerts rules list|add`: alert rules of the running Vigie (validated by the server). */
export function registerAlertsRules(alerts: Command): void {
  const rules = alerts.command('rules').description('alert rules / règles d’alerte');
  rules
    .command('list')
    .description('list alert rules / lister les règles')
    .option('--json', 'JSON output')
    .option('--url <url>', 'the running Vigie (VIGIE_URL)')
    .option('--token <token>', 'API token (VIGIE_TOKEN) / jeton d’API')
    .action(async (options: { json?: boolean; url?: string; token?: string }) => {
      const items = await connect(options).alertRules.list();
      if (options.json) return printJson(items);
      printTable(
        items.map((r) => ({
          name: r.name,
          scope: `${r.scope.kind}:${r.scope.id}`,
          detectors: r.detectors.join(','),
          sensitivity: r.sensitivity,
          cooldown: `${r.cooldownMinutes} min`,
          channels: r.channels.map((c) => (c.kind === 'webhook' ? `webhook(${c.format})` : c.kind)).join(','),
          enabled: r.enabled ? 'yes' : 'no',
          id: r.id,
        })),
        ['name', 'scope', 'detectors', 'sensitivity', 'cooldown', 'channels', 'enabled', 'id'],
      );
    });

  rules
    .command('add')
    .description('add an alert rule / ajouter une règle')
    .requiredOption('--name <name>', 'rule name / nom')
    .option('--topic <id>', 'watch a topic / surveiller un sujet')
    .option('--query <id>', 'watch one query / surveiller une requête')
    .option('--detectors <list>', `comma-separated: ${DETECTOR_KINDS.join(',')}`, DETECTOR_KINDS.join(','))
    .option('--sensitivity <level>', 'low|normal|high', 'normal')
    .option('--cooldown <minutes>', 'cooldown in minutes / délai de grâce', '60')
    .option('--quiet <HH:MM-HH:MM>', 'quiet hours / heures calmes, e.g. 22:00-07:00')
    .option('--time-zone <zone>', 'zone of the quiet hours', 'Europe/Paris')
    .option('--email <address>', 'e-mail recipient (repeatable) / destinataire', collect)
    .option('--webhook <url>', 'webhook URL')
    .option('--format <format>', 'webhook format: generic|slack|mattermost|teams', 'generic')
    .option('--secret <secret>', 'webhook HMAC secret (16+ characters)')
    .option('--in-app', 'in-app notifications (default when no other channel)')
    .option('--json', 'JSON output')
    .option('--url <url>', 'the running Vigie (VIGIE_URL)')
    .option('--token <token>', 'API token (VIGIE_TOKEN) / jeton d’API')
    .action(async (options: AddOptions) => {
      if ((options.topic === undefined) === (options.query === undefined)) {
        throw new AppError('validation_failed', 'give --topic or --query / indiquez --topic ou --query', [{ field: 'topic', message: 'exactly one of --topic and --query' }]);
      }
      const channels: AlertRuleInput['channels'] = [];
      if (options.inApp || (!options.email && !options.webhook)) channels.push({ kind: 'in_app' });
      if (options.email) channels.push({ kind: 'email' });
      if (options.webhook) channels.push({ kind: 'webhook', url: options.webhook, format: options.format as 'generic', ...(options.secret && { secret: options.secret }) });
      const [from, to] = options.quiet?.split('-') ?? [];
      const input = {
        name: options.name,
        scope: options.topic !== undefined ? { kind: 'topic' as const, id: options.topic } : { kind: 'query' as const, id: options.query ?? '' },
        detectors: options.detectors.split(',').map((d) => d.trim()) as AlertRuleInput['detectors'],
        sensitivity: options.sensitivity as AlertRuleInput['sensitivity'],
        cooldownMinutes: Number(options.cooldown),
        ...(options.quiet !== undefined && { quietHours: { from: from ?? '', to: to ?? '', timeZone: options.timeZone } }),
        channels,
        recipients: options.email ?? [],
      };
      const rule = await connect(options).alertRules.create(input);
      if (options.json) return printJson(rule);
      io().stdout.write(`rule ${rule.id} added / règle ajoutée: ${rule.name}\n`);
    });
}
