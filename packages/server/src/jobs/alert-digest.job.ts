/**
 * Daily and weekly digests: for each enabled rule with `digest` set and recipients, once per
 * period (the day, or the week ending on a Monday, at local midnight), an e-mail with the scope's
 * figures, a chart, and the period's episodes, enqueued in the outbox. The key is derived from
 * (rule, period, recipient): a restart, or two workers, enqueue it once.
 */
import { createHash } from 'node:crypto';
import { bucketStart, createRollup, hourOfWeek, type Granularity, type NewOutboxEntry, type Store, type StoredAlertRule } from '@vigie/core';
import { buildDigest, digestNotification } from '../notify';

/** The period a digest of this kind covers, ending at the last local midnight before `now`; none when a weekly digest is not due (not a Monday). */
export function digestPeriod(period: 'daily' | 'weekly', now: number, timeZone: string): { from: number; to: number } | undefined {
  const to = bucketStart(now, '1d', timeZone);
  // hourOfWeek counts from Monday 00:00 local: the week ends at a Monday midnight.
  if (period === 'weekly' && hourOfWeek(to, timeZone) !== 0) return undefined;
  const days = period === 'daily' ? 1 : 7;
  // Walk back by local days (a day is 23 or 25 hours across clock changes).
  let from = to;
  for (let i = 0; i < days; i += 1) from = bucketStart(from - 1, '1d', timeZone);
  return { from, to };
}

/**
 * @example
 * await store.outbox.enqueue(await digestEntries(store, ws.id, rules, Date.now(), 'Europe/Paris'));
 */
export async function digestEntries(store: Store, workspaceId: string, rules: readonly StoredAlertRule[], now: number, timeZone: string): Promise<NewOutboxEntry[]> {
  const entries: NewOutboxEntry[] = [];
  const wanting = rules.filter((r) => r.enabled && r.digest !== 'none' && r.recipients.length > 0);
  if (wanting.length === 0) return entries;
  const topics = await store.topics.list(workspaceId);
  const names = new Map(topics.flatMap((t) => [[`topic:${t.id}`, { name: t.name, color: t.color }] as const, ...t.queries.map((q) => [`query:${q.id}`, { name: `${t.name} — ${q.name ?? q.text}`, color: t.color }] as const)]));
  for (const rule of wanting) {
    const period = rule.digest === 'weekly' ? 'weekly' : 'daily';
    const range = digestPeriod(period, now, timeZone);
    if (!range) continue;
    const granularity: Granularity = period === 'daily' ? '1h' : '1d';
    const rows = await store.rollups.list(workspaceId, { scope: rule.scope.kind, scopeId: rule.scope.id, granularity, since: new Date(range.from).toISOString(), until: new Date(range.to).toISOString() });
    const rollup = createRollup({ timeZone, granularities: [granularity] });
    rollup.load(rows);
    const series = rollup.series(rule.scope, granularity, range.from, range.to);
    const total = series.reduce((sum, b) => sum + b.count, 0);
    const negative = series.reduce((sum, b) => sum + b.negative, 0);
    const labelFormat = new Intl.DateTimeFormat(rule.locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, ...(period === 'daily' ? { hour: '2-digit' } : { weekday: 'short' }) });
    const episodes = (await store.episodes.list(workspaceId, { ruleId: rule.id, limit: 50 })).filter((e) => Date.parse(e.detectedAt) >= range.from && Date.parse(e.detectedAt) < range.to);
    const scope = names.get(`${rule.scope.kind}:${rule.scope.id}`);
    const digest = buildDigest({
      period,
      locale: rule.locale,
      from: new Date(range.from).toISOString(),
      to: new Date(range.to - 1).toISOString(),
      timeZone,
      topics: [{ name: scope?.name ?? rule.scope.id, color: scope?.color, counts: series.map((b) => b.count), negativeShare: total === 0 ? 0 : negative / total }],
      labels: series.map((b) => labelFormat.format(new Date(b.startMs))),
      episodes,
    });
    for (const to of rule.recipients) {
      const key = `dgst_${createHash('sha256').update(JSON.stringify([rule.id, period, range.to, to.toLowerCase()])).digest('hex').slice(0, 32)}`;
      entries.push({ key, workspaceId, target: { kind: 'email', to }, nextAttemptAt: now, notification: digestNotification(digest, rule.locale, key) });
    }
  }
  return entries;
}
