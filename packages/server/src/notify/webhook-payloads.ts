/**
 * Webhook bodies per format. Each chat's incoming-webhook format, from its documentation:
 * - Slack: `text` (notification fallback) + Block Kit `blocks` (header, section with mrkdwn,
 *   context) — https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks and
 *   https://docs.slack.dev/reference/block-kit/blocks ; escaping of &, <, > per
 *   https://docs.slack.dev/messaging/formatting-message-text#escaping
 * - Mattermost: `text` (Markdown) + Slack-compatible `attachments` (fallback, color, title,
 *   title_link, text, fields) — https://developers.mattermost.com/integrate/webhooks/incoming/ and
 *   https://developers.mattermost.com/integrate/reference/message-attachments/
 * - Microsoft Teams: `{ type: 'message', attachments: [{ contentType:
 *   'application/vnd.microsoft.card.adaptive', content: AdaptiveCard }] }` —
 *   https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#send-adaptive-cards-using-an-incoming-webhook
 *   (Adaptive Card 1.4 with TextBlock and FactSet; also accepted by Power Automate "Workflows" webhooks).
 * - generic: the notification as JSON, for the user's own code (verify `X-Vigie-Signature`).
 */
import type { WebhookFormat } from '@vigie/core';
import { escapeMarkdown, escapeSlack } from './escape-markup';
import { messageParts } from './message-parts';
import type { Notification } from './notification';

/** @example webhookPayload(notification, 'slack'); // { text: '…', blocks: [ … ] } */
export function webhookPayload(notification: Notification, format: WebhookFormat): unknown {
  switch (format) {
    case 'slack':
      return slackPayload(notification);
    case 'mattermost':
      return mattermostPayload(notification);
    case 'teams':
      return teamsPayload(notification);
    default:
      return { type: 'vigie.notification', version: 1, ...notification, digest: notification.digest ? { text: notification.digest.text } : undefined };
  }
}

function slackPayload(notification: Notification): unknown {
  const p = messageParts(notification);
  const lines = [
    escapeSlack(p.summary),
    p.changes.length > 0 ? `*${p.labels.changes}*\n${p.changes.map((c) => `• ${escapeSlack(c)}`).join('\n')}` : '',
    p.terms.length > 0 ? `*${p.labels.terms}* : ${p.terms.map((t) => `\`${escapeSlack(t)}\``).join(' ')}` : '',
    p.posts.map((post) => `> ${escapeSlack(post.author)} (${post.spread} ${p.labels.spread}) : ${escapeSlack(post.text)}`).join('\n'),
  ].filter(Boolean);
  const blocks: unknown[] = [
    // Header blocks take plain_text (max 150 characters): no markup to escape, but no pings either.
    { type: 'header', text: { type: 'plain_text', text: p.title.slice(0, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n\n').slice(0, 3000) } },
  ];
  if (p.sparkline) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `\`${p.sparkline}\`` }] });
  if (p.url) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: p.labels.open }, url: p.url }] });
  return { text: escapeSlack(p.title), blocks };
}

function mattermostPayload(notification: Notification): unknown {
  const p = messageParts(notification);
  const fields = [
    p.changes.length > 0 ? { short: false, title: p.labels.changes, value: p.changes.map((c) => `- ${escapeMarkdown(c)}`).join('\n') } : undefined,
    p.terms.length > 0 ? { short: true, title: p.labels.terms, value: p.terms.map(escapeMarkdown).join(', ') } : undefined,
    p.sparkline ? { short: true, title: '', value: p.sparkline } : undefined,
  ].filter(Boolean);
  return {
    text: `#### ${escapeMarkdown(p.title)}`,
    attachments: [
      {
        fallback: `${p.title} — ${p.summary}`.replace(/@/g, '@\u200b'),
        color: `#${p.color}`,
        title: p.labels.open,
        title_link: p.url,
        text: [escapeMarkdown(p.summary), ...p.posts.map((post) => `> ${escapeMarkdown(post.author)} (${post.spread} ${p.labels.spread}) : ${escapeMarkdown(post.text)}`)].join('\n\n'),
        fields,
      },
    ],
  };
}

function teamsPayload(notification: Notification): unknown {
  const p = messageParts(notification);
  const body: unknown[] = [
    { type: 'TextBlock', text: escapeMarkdown(p.title), weight: 'Bolder', size: 'Medium', wrap: true, color: p.color === 'b91c1c' ? 'Attention' : 'Warning' },
    { type: 'TextBlock', text: escapeMarkdown(p.summary), wrap: true },
  ];
  const facts = [
    ...p.changes.map((c, i) => ({ title: i === 0 ? p.labels.changes : '', value: escapeMarkdown(c) })),
    ...(p.terms.length > 0 ? [{ title: p.labels.terms, value: p.terms.map(escapeMarkdown).join(', ') }] : []),
  ];
  if (facts.length > 0) body.push({ type: 'FactSet', facts });
  if (p.sparkline) body.push({ type: 'TextBlock', text: p.sparkline, fontType: 'Monospace', wrap: false });
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    actions: p.url ? [{ type: 'Action.OpenUrl', title: p.labels.open, url: p.url }] : [],
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
