/**
 * E-mail bodies for an episode notification: plain text and HTML, in the rule's language. Every
 * piece of mention text (terms, handles, post excerpts) is HTML-escaped; the HTML uses inline
 * styles only (mail clients drop <style> and scripts).
 */
import { escapeHtml } from './escape-markup';
import { messageParts } from './message-parts';
import type { Notification } from './notification';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER = {
  fr: 'Vous recevez ce message parce qu’une règle d’alerte Vigie vous désigne comme destinataire.',
  en: 'You receive this message because a Vigie alert rule lists you as a recipient.',
};

/**
 * @example
 * renderEpisodeEmail(notification).subject; // 'Nouvel épisode — Crise sur « Velotys Ondine » depuis…'
 */
export function renderEpisodeEmail(notification: Notification): RenderedEmail {
  const p = messageParts(notification);
  const text = [
    p.title,
    '',
    p.summary,
    '',
    ...(p.changes.length > 0 ? [`${p.labels.changes} :`, ...p.changes.map((c) => `- ${c}`), ''] : []),
    ...(p.terms.length > 0 ? [`${p.labels.terms} : ${p.terms.join(', ')}`, ''] : []),
    ...p.posts.map((post) => `> ${post.author} (${post.spread} ${p.labels.spread}) : ${post.text}`),
    p.sparkline,
    p.url ? `\n${p.labels.open} : ${p.url}` : '',
    '',
    `-- \n${FOOTER[notification.locale]}`,
  ].join('\n');
  const html = [
    `<div style="font-family:system-ui,sans-serif;max-width:640px;color:#0f172a">`,
    `<h2 style="border-left:4px solid #${p.color};padding-left:8px">${escapeHtml(p.title)}</h2>`,
    `<p>${escapeHtml(p.summary)}</p>`,
    p.changes.length > 0 ? `<h3>${escapeHtml(p.labels.changes)}</h3><ul>${p.changes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>` : '',
    p.terms.length > 0 ? `<p><strong>${escapeHtml(p.labels.terms)} :</strong> ${p.terms.map(escapeHtml).join(', ')}</p>` : '',
    ...p.posts.map((post) => `<blockquote style="border-left:3px solid #cbd5e1;margin:8px 0;padding-left:8px"><strong>${escapeHtml(post.author)}</strong> (${post.spread} ${escapeHtml(p.labels.spread)}) : ${escapeHtml(post.text)}</blockquote>`),
    p.sparkline ? `<p style="font-family:monospace;font-size:18px;letter-spacing:1px">${escapeHtml(p.sparkline)}</p>` : '',
    p.url ? `<p><a href="${escapeHtml(p.url)}">${escapeHtml(p.labels.open)}</a></p>` : '',
    `<p style="color:#64748b;font-size:12px">${escapeHtml(FOOTER[notification.locale])}</p>`,
    `</div>`,
  ].join('\n');
  return { subject: p.title.replace(/[\r\n]+/g, ' ').slice(0, 200), text, html };
}
