/**
 * Escaping for every place mention text reaches a message: HTML (e-mail), Slack mrkdwn, and
 * chat markdown. Mentions are written by strangers: none of their text may become markup, a link
 * or a channel-wide ping (`<!channel>` on Slack, `@all` on Mattermost).
 */

/** @example escapeHtml('<b>"Tom & Jerry"</b>'); // '&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;' */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * Slack mrkdwn: only &, < and > are control characters (Slack's "Escaping text" rule); `@` is
 * broken with a zero-width space so a handle never pings a workspace member.
 *
 * @example escapeSlack('<!channel> @julien & co'); // '&lt;!channel&gt; @\u200bjulien &amp; co'
 */
export function escapeSlack(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c).replace(/@/g, '@\u200b');
}

/**
 * Markdown (Mattermost, Teams TextBlock): markdown punctuation backslash-escaped, `@` broken.
 *
 * @example escapeMarkdown('**gras** [lien](http://x) @all'); // '\\*\\*gras\\*\\* \\[lien\\]\\(http://x\\) @\u200ball'
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!|~>]/g, (c) => `\\${c}`).replace(/@/g, '@\u200b');
}
