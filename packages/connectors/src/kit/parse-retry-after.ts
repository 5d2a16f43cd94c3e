/**
 * `Retry-After` as milliseconds from `now`: either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns undefined when absent or unreadable, so callers fall back to their own backoff.
 *
 * @example
 * parseRetryAfter('120', now); // 120000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now); // ms until then, 0 if past
 */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
