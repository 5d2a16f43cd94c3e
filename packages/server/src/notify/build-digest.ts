/**
 * Daily and weekly digests by e-mail: volume per topic with a chart, the period's episodes with
 * their headline and summary, in the recipient's language. Everything taken from mentions (topic
 * names are the user's, terms and handles are strangers') is escaped in the HTML.
 */
import type { Episode } from '@vigie/core';
import { escapeHtml } from './escape-markup';
import type { Notification } from './notification';
import { svgLineChart } from './svg-chart';

export interface DigestInput {
  period: 'daily' | 'weekly';
  locale: 'fr' | 'en';
  from: string;
  to: string;
  timeZone: string;
  /** Per topic: mentions per bucket (hours for a daily digest, days for a weekly one) and the negative share. */
  topics: { name: string; color?: string; counts: number[]; negativeShare: number }[];
  /** Bucket labels, same length as `counts`. */
  labels: string[];
  episodes: Episode[];
}

const WORDS = {
  fr: { daily: 'Résumé du jour', weekly: 'Résumé de la semaine', topic: 'Sujet', mentions: 'Mentions', negative: 'Négatif', episodes: 'Épisodes', none: 'Aucun épisode sur la période.' },
  en: { daily: 'Daily digest', weekly: 'Weekly digest', topic: 'Topic', mentions: 'Mentions', negative: 'Negative', episodes: 'Episodes', none: 'No episode in this period.' },
};

/**
 * @example
 * const digest = buildDigest({ period: 'weekly', locale: 'fr', from, to, timeZone: 'Europe/Paris', topics, labels, episodes });
 * digest.subject; // 'Vigie — Résumé de la semaine (16 nov. – 22 nov.)'
 */
export function buildDigest(input: DigestInput): { subject: string; text: string; html: string } {
  const w = WORDS[input.locale];
  const format = new Intl.DateTimeFormat(input.locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: input.timeZone, day: 'numeric', month: 'short' });
  const range = `${format.format(new Date(input.from))} – ${format.format(new Date(input.to))}`;
  const subject = `Vigie — ${w[input.period]} (${range})`;
  const rows = input.topics.map((t) => ({ name: t.name, total: t.counts.reduce((a, b) => a + b, 0), negative: Math.round(t.negativeShare * 100) }));
  const episodes = input.episodes.map((e) => ({ headline: e.explanation.headline[input.locale], text: e.explanation.text[input.locale], kind: e.kind }));
  const text = [
    subject,
    '',
    ...rows.map((r) => `${r.name} : ${r.total} ${w.mentions.toLowerCase()}, ${w.negative.toLowerCase()} ${r.negative} %`),
    '',
    `${w.episodes} :`,
    ...(episodes.length > 0 ? episodes.map((e) => `- ${e.headline}\n  ${e.text}`) : [w.none]),
  ].join('\n');
  const chart = svgLineChart(input.topics.map((t) => ({ name: t.name, color: t.color, values: t.counts })), input.labels);
  const html = [
    '<div style="font-family:system-ui,sans-serif;max-width:640px;color:#0f172a">',
    `<h2>${escapeHtml(subject)}</h2>`,
    chart,
    `<table style="border-collapse:collapse;margin-top:12px"><tr><th style="text-align:left;padding:4px 12px 4px 0">${w.topic}</th><th style="padding:4px 12px">${w.mentions}</th><th style="padding:4px 12px">${w.negative}</th></tr>`,
    ...rows.map((r) => `<tr><td style="padding:4px 12px 4px 0">${escapeHtml(r.name)}</td><td style="text-align:right;padding:4px 12px">${r.total}</td><td style="text-align:right;padding:4px 12px">${r.negative} %</td></tr>`),
    '</table>',
    `<h3>${w.episodes}</h3>`,
    episodes.length > 0
      ? `<ul>${episodes.map((e) => `<li style="margin-bottom:8px"><strong style="color:${e.kind === 'crisis' ? '#b91c1c' : '#a16207'}">${escapeHtml(e.headline)}</strong><br>${escapeHtml(e.text)}</li>`).join('')}</ul>`
      : `<p>${w.none}</p>`,
    '</div>',
  ].join('\n');
  return { subject, text, html };
}

/**
 * @example
 * await store.enqueue([{ key, target: { kind: 'email', to }, nextAttemptAt: now, notification: digestNotification(digest, 'fr', key) }]);
 */
export function digestNotification(digest: { subject: string; text: string; html: string }, locale: 'fr' | 'en', key: string): Notification {
  return { key, kind: 'digest', locale, title: { fr: digest.subject, en: digest.subject }, digest: { text: digest.text, html: digest.html } };
}
