import type { MentionInput } from '@vigie/core';

/** How many `[externalId, version]` pairs a source remembers: more than a few polls' worth, small enough to store. */
export const MAX_RECENT = 1000;

/**
 * Drops mentions already emitted in the same version, and returns the updated memory (newest
 * first, bounded). A changed version (an edit) is emitted again under the same external id, so
 * the store updates it instead of duplicating it.
 *
 * @example
 * const { fresh, recent } = keepUnseen(mentions, (m) => editedAt(m), state.seen ?? []);
 */
export function keepUnseen(
  mentions: MentionInput[],
  versionOf: (mention: MentionInput) => string,
  previous: readonly (readonly [string, string])[],
): { fresh: MentionInput[]; recent: [string, string][] } {
  const known = new Map(previous.map(([id, version]) => [id, version]));
  const current = new Map<string, string>();
  const fresh: MentionInput[] = [];
  for (const mention of mentions) {
    // The same item twice in one poll (boosted or reposted twice, or on two pages) is one mention.
    if (current.has(mention.externalId)) continue;
    const version = versionOf(mention);
    current.set(mention.externalId, version);
    if (known.get(mention.externalId) !== version) fresh.push(mention);
  }
  const recent: [string, string][] = [...current];
  for (const [id, version] of previous) {
    if (recent.length >= MAX_RECENT) break;
    if (!current.has(id)) recent.push([id, version]);
  }
  return { fresh, recent: recent.slice(0, MAX_RECENT) };
}
