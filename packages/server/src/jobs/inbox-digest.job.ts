/**
 * The inbox's low-priority digest: conversations under the digest threshold (`DIGEST_BELOW`) never
 * interrupt anyone (the focus flow skips them); once a day, at the hour the workspace chose
 * (default 17:00 Europe/Paris), one notification lists them — how many per reason, the top 20 with
 * links — in-app and by e-mail to the chosen recipients, through the notification outbox. The
 * outbox key is derived from (workspace, local day, target): a restart or a second process
 * enqueues it once, and an enqueued digest is delivered even across restarts.
 */
import { createHash } from 'node:crypto';
import { DIGEST_BELOW, type Conversation, type InboxEntryReason, type NewOutboxEntry, type NotificationTarget, type Store } from '@vigie/core';
import { digestNotification } from '../notify';
import { escapeHtml } from '../notify/escape-markup';
import type { Logger } from '../logger';

/** When and to whom the digest goes; stored in the workspace settings under `inbox.digest`. */
export interface InboxDigestSettings {
  enabled: boolean;
  /** Local hour (0–23) at which the day's digest is sent. */
  hour: number;
  timeZone: string;
  /** E-mail recipients; the in-app notification is always sent when enabled. */
  recipients: string[];
  locale: 'fr' | 'en';
}

export const DEFAULT_INBOX_DIGEST: InboxDigestSettings = { enabled: true, hour: 17, timeZone: 'Europe/Paris', recipients: [], locale: 'fr' };
const SETTINGS_KEY = 'inbox.digest';
/** The digest lists this many conversations; the counts cover up to `SCAN_LIMIT`. */
export const DIGEST_TOP = 20;
const SCAN_LIMIT = 5_000;

const REASONS: Record<InboxEntryReason, { fr: string; en: string }> = {
  question: { fr: 'Questions', en: 'Questions' },
  own_post_reply: { fr: 'Réponses à nos posts', en: 'Replies to our posts' },
  direct_message: { fr: 'Messages privés', en: 'Private messages' },
  negative_reach: { fr: 'Avis négatifs', en: 'Negative with reach' },
  aggressive: { fr: 'Messages agressifs', en: 'Aggressive messages' },
};

const WORDS = {
  fr: { subject: (n: number) => `Vigie — ${n} conversation${n > 1 ? 's' : ''} peu prioritaire${n > 1 ? 's' : ''} à parcourir`, intro: 'Ces conversations n’ont pas interrompu l’équipe aujourd’hui ; parcourez-les quand vous avez un moment.', byReason: 'Par raison', top: 'Les plus importantes', open: 'Ouvrir', more: (n: number) => `… et ${n} de plus dans la boîte de réception.`, none: 'Rien en attente.' },
  en: { subject: (n: number) => `Vigie — ${n} low-priority conversation${n > 1 ? 's' : ''} to look through`, intro: 'These conversations did not interrupt the team today; look through them when you have a moment.', byReason: 'By reason', top: 'Most important', open: 'Open', more: (n: number) => `… and ${n} more in the inbox.`, none: 'Nothing waiting.' },
};

/** What the digest shows (also what `POST /api/inbox/digest/preview` returns). */
export interface InboxDigest {
  count: number;
  byReason: { reason: InboxEntryReason; label: string; count: number }[];
  items: { id: string; connector: string; author: string; preview: string; priority: number; url?: string; link?: string }[];
  subject: string;
  text: string;
  html: string;
}

/** @example await inboxDigestSettings(store, ws.id); // { enabled: true, hour: 17, timeZone: 'Europe/Paris', … } */
export async function inboxDigestSettings(store: Store, workspaceId: string): Promise<InboxDigestSettings> {
  return { ...DEFAULT_INBOX_DIGEST, ...((await store.settings.get<Partial<InboxDigestSettings>>(workspaceId, SETTINGS_KEY)) ?? {}) };
}

/** @example await saveInboxDigestSettings(store, ws.id, { hour: 16 }); */
export async function saveInboxDigestSettings(store: Store, workspaceId: string, patch: Partial<InboxDigestSettings>): Promise<InboxDigestSettings> {
  const next = { ...(await inboxDigestSettings(store, workspaceId)), ...patch };
  await store.settings.set(workspaceId, SETTINGS_KEY, next);
  return next;
}

/**
 * The digest of the active low-priority conversations (priority under `DIGEST_BELOW`), in a language.
 *
 * @example
 * const digest = await buildInboxDigest(store, ws.id, new Date(), 'fr'); digest.subject // 'Vigie — 12 conversations peu prioritaires à parcourir'
 */
export async function buildInboxDigest(store: Store, workspaceId: string, now: Date, locale: 'fr' | 'en', appUrl?: string): Promise<InboxDigest> {
  const waiting: Conversation[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.conversations.list(workspaceId, { view: 'open', now: now.toISOString(), maxPriority: DIGEST_BELOW }, { limit: 500, ...(cursor && { cursor }) });
    waiting.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && waiting.length < SCAN_LIMIT);
  const counts = new Map<InboxEntryReason, number>();
  for (const c of waiting) counts.set(c.entry, (counts.get(c.entry) ?? 0) + 1);
  const byReason = [...counts.entries()].map(([reason, count]) => ({ reason, label: REASONS[reason][locale], count })).sort((a, b) => b.count - a.count);
  const base = appUrl?.replace(/\/$/, '');
  const items = waiting.slice(0, DIGEST_TOP).map((c) => ({
    id: c.id, connector: c.connector, author: c.lastAuthor, preview: c.preview.slice(0, 160), priority: c.priority,
    ...(c.url && { url: c.url }), ...(base && { link: `${base}/#/inbox/${encodeURIComponent(c.id)}` }),
  }));
  const w = WORDS[locale];
  const count = waiting.length;
  const subject = w.subject(count);
  const more = count - items.length;
  const text = [
    subject, '', w.intro, '',
    `${w.byReason} :`, ...byReason.map((r) => `- ${r.label} : ${r.count}`), '',
    `${w.top} :`, ...(items.length > 0 ? items.map((i) => `- [${i.connector}] ${i.author} : ${i.preview}${i.link ?? i.url ? `\n  ${i.link ?? i.url}` : ''}`) : [w.none]),
    ...(more > 0 ? ['', w.more(more)] : []),
  ].join('\n');
  const html = [
    '<div style="font-family:system-ui,sans-serif;max-width:640px;color:#0f172a">',
    `<h2>${escapeHtml(subject)}</h2>`,
    `<p>${escapeHtml(w.intro)}</p>`,
    `<h3>${w.byReason}</h3><ul>${byReason.map((r) => `<li>${escapeHtml(r.label)} : ${r.count}</li>`).join('')}</ul>`,
    `<h3>${w.top}</h3>`,
    items.length > 0
      ? `<ol>${items.map((i) => `<li style="margin-bottom:6px"><strong>${escapeHtml(i.author)}</strong> (${escapeHtml(i.connector)}) : ${escapeHtml(i.preview)}${i.link ?? i.url ? ` — <a href="${escapeHtml(i.link ?? i.url ?? '')}">${w.open}</a>` : ''}</li>`).join('')}</ol>`
      : `<p>${w.none}</p>`,
    more > 0 ? `<p>${escapeHtml(w.more(more))}</p>` : '',
    '</div>',
  ].join('\n');
  return { count, byReason, items, subject, text, html };
}

/** The local calendar day and hour of `now` in a time zone. @example localDayAndHour(now, 'Europe/Paris') // { day: '2026-11-26', hour: 17 } */
export function localDayAndHour(now: Date, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/**
 * The outbox entries of today's digest for a workspace, once its hour has come: none before it,
 * none when disabled or nothing waits. Keys are per (workspace, local day, target).
 *
 * @example
 * await store.outbox.enqueue(await inboxDigestEntries(store, ws.id, new Date()));
 */
export async function inboxDigestEntries(store: Store, workspaceId: string, now: Date, options: { appUrl?: string; force?: boolean } = {}): Promise<NewOutboxEntry[]> {
  const settings = await inboxDigestSettings(store, workspaceId);
  const { day, hour } = localDayAndHour(now, settings.timeZone);
  if (!settings.enabled || (!options.force && hour < settings.hour)) return [];
  const digest = await buildInboxDigest(store, workspaceId, now, settings.locale, options.appUrl);
  if (digest.count === 0) return [];
  const targets: NotificationTarget[] = [{ kind: 'in_app', workspaceId }, ...settings.recipients.map((to): NotificationTarget => ({ kind: 'email', to }))];
  return targets.map((target) => {
    const recipient = target.kind === 'email' ? target.to.toLowerCase() : target.kind;
    const key = `inbox_dgst_${createHash('sha256').update(JSON.stringify([workspaceId, day, recipient])).digest('hex').slice(0, 32)}`;
    return { key, workspaceId, target, nextAttemptAt: now.getTime(), notification: digestNotification(digest, settings.locale, key) };
  });
}

/**
 * Checks every workspace each few minutes and enqueues the day's digest once its hour has come.
 *
 * @example
 * const job = createInboxDigestJob({ store, log, now }); job.start(); … job.stop();
 */
export function createInboxDigestJob(deps: { store: Store; log: Logger; now: () => Date; appUrl?: string; everyMs?: number; onQueued?: () => void }) {
  let timer: NodeJS.Timeout | undefined;

  async function runOnce(): Promise<number> {
    let queued = 0;
    for (const workspace of await deps.store.workspaces.list()) {
      queued += await deps.store.outbox.enqueue(await inboxDigestEntries(deps.store, workspace.id, deps.now(), { ...(deps.appUrl && { appUrl: deps.appUrl }) }));
    }
    if (queued > 0) {
      deps.log.info({ queued }, 'inbox digest enqueued');
      deps.onQueued?.();
    }
    return queued;
  }

  return {
    runOnce,
    start(): void {
      timer ??= setInterval(() => void runOnce().catch((error: unknown) => deps.log.error({ err: error }, 'inbox digest failed')), deps.everyMs ?? 5 * 60_000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
