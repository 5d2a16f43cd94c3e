import sanitize from 'sanitize-html';

/**
 * The allow-list for ingested HTML shown in Vigie: structure and text formatting only. No scripts,
 * no styles, no event handlers, no forms or frames, no javascript:/data: URLs (sanitize-html
 * drops any attribute not listed and any scheme not allowed).
 */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
    'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol',
    'p', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
    'time', 'tr', 'u', 'ul',
  ],
  allowedAttributes: {
    // rel and target are always overwritten by the transform below, never taken from the source.
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    time: ['datetime'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Contents of these are dropped entirely, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'nofollow noopener noreferrer', target: '_blank' },
    }),
  },
};

/**
 * Makes ingested HTML safe to render: a strict allow-list, links marked
 * `rel="nofollow noopener noreferrer"`.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Salut <script>alert(1)</script><a href="javascript:alert(1)">lien</a></p>');
 * // '<p>Salut <a rel="nofollow noopener noreferrer" target="_blank">lien</a></p>'
 */
export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS);
}
