/**
 * The parts every channel renders from a notification, in its language: title, the ten-second
 * summary, what changed, top terms and posts, a text sparkline and the link. Raw text: each
 * channel escapes it for its own markup.
 */
import type { Notification } from './notification';

export interface MessageParts {
  title: string;
  summary: string;
  changes: string[];
  terms: string[];
  posts: { author: string; text: string; spread: number }[];
  /** ▁▂▃▅▇ — readable in a chat line and in a plain-text e-mail. */
  sparkline: string;
  url?: string;
  /** Red for a crisis, amber for a buzz, grey otherwise (hex without #). */
  color: string;
  labels: { changes: string; terms: string; posts: string; open: string; spread: string };
}

const BARS = '▁▂▃▄▅▆▇█';

/** @example textSparkline([0, 1, 4, 9]); // '▁▂▄█' */
export function textSparkline(values: readonly number[]): string {
  const max = Math.max(1, ...values);
  return values.map((v) => BARS[Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))] ?? BARS[0]).join('');
}

/** @example messageParts(notification).title; // 'Nouvel épisode — Crise sur « Velotys Ondine »…' */
export function messageParts(notification: Notification): MessageParts {
  const lang = notification.locale;
  const fr = lang === 'fr';
  const explanation = notification.episode?.explanation;
  return {
    title: notification.title[lang],
    summary: explanation?.text[lang] ?? '',
    changes: explanation?.changes.map((c) => c[lang]) ?? [],
    terms: explanation?.topTerms.map((t) => t.term) ?? [],
    posts: (explanation?.topPosts ?? []).slice(0, 2).map((p) => ({ author: p.authorHandle, text: (p.text ?? '').slice(0, 200), spread: p.spread })),
    sparkline: explanation ? textSparkline(explanation.sparkline) : '',
    url: notification.url,
    color: notification.episode?.kind === 'crisis' ? 'b91c1c' : notification.episode?.kind === 'buzz' ? 'ca8a04' : '64748b',
    labels: fr
      ? { changes: 'Ce qui a changé', terms: 'Termes', posts: 'Posts', open: 'Ouvrir dans Vigie', spread: 'reprises' }
      : { changes: 'What changed', terms: 'Terms', posts: 'Posts', open: 'Open in Vigie', spread: 'reposts' },
  };
}
