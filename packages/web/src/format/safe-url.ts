/**
 * An address safe to put in `href`: absolute http(s) only. `javascript:`, `data:`, relative and
 * malformed addresses from the network give undefined, so no link is drawn (the server drops them
 * at ingest too; this is the page's own line of defence).
 *
 * @example
 * safeHref('https://exemple.fr/a'); // 'https://exemple.fr/a'
 * safeHref('javascript:alert(1)');  // undefined
 */
export function safeHref(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
