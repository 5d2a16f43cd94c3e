import { createNearDuplicateIndex, extractKeyTerms, risingTerms, type KeyTerm, type RisingTerm } from '@vigie/analysis';
import type { Mention, MentionFilter, Store } from '@vigie/core';

/** Most mentions one themes computation reads per period; past it the answer says `truncated`. */
export const MAX_THEME_MENTIONS = 5_000;
const PAGE = 500;

export interface ThemesReport {
  period: { since: string; until: string };
  /** Key terms and phrases of the period, per language (stemmed, no stop words). */
  keyTerms: Record<string, KeyTerm[]>;
  /** Terms rising against the previous periods (three times as long), per language. */
  rising: Record<string, RisingTerm[]>;
  /** Spread: how many distinct voices the volume holds, and the largest copy clusters. */
  spread: { mentions: number; uniqueVoices: number; clusters: { size: number; authors: number; sample: { id: string; text: string; author: string } }[] };
  truncated: boolean;
}

async function collect(store: Pick<Store, 'mentions'>, workspaceId: string, filter: MentionFilter): Promise<{ items: Mention[]; truncated: boolean }> {
  const items: Mention[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.mentions.list(workspaceId, filter, { limit: PAGE, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_THEME_MENTIONS);
  return { items, truncated: cursor !== undefined };
}

function byLanguage(mentions: Mention[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const m of mentions) {
    const lang = m.lang === 'fr' || m.lang === 'en' ? m.lang : 'other';
    const texts = groups.get(lang) ?? [];
    texts.push(m.title && !m.text.startsWith(m.title) ? `${m.title}\n${m.text}` : m.text);
    groups.set(lang, texts);
  }
  return groups;
}

/**
 * Themes and spread of a period, computed from the stored mentions on demand (bounded): what is
 * being said (key terms, rising terms) and by how many distinct voices (near-duplicate clusters).
 *
 * @example
 * const report = await computeThemes(store, ws, { topicId }, new Date(), 7);
 * report.rising.fr[0]?.term; // 'surchauffe'
 */
export async function computeThemes(store: Pick<Store, 'mentions'>, workspaceId: string, filter: Omit<MentionFilter, 'since' | 'until'>, now: Date, days: number): Promise<ThemesReport> {
  const until = now.toISOString();
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const baselineSince = new Date(now.getTime() - 4 * days * 86_400_000).toISOString();
  const [current, baseline] = await Promise.all([
    collect(store, workspaceId, { ...filter, since, until }),
    collect(store, workspaceId, { ...filter, since: baselineSince, until: since }),
  ]);
  const currentTexts = byLanguage(current.items);
  const baselineTexts = byLanguage(baseline.items);
  const keyTerms: Record<string, KeyTerm[]> = {};
  const rising: Record<string, RisingTerm[]> = {};
  for (const [lang, texts] of currentTexts) {
    if (lang === 'other') continue;
    keyTerms[lang] = extractKeyTerms(texts, lang, { limit: 15 });
    rising[lang] = risingTerms(texts, baselineTexts.get(lang) ?? [], { lang, limit: 10 });
  }
  // Oldest first, so each cluster is named after the post that started it.
  const index = createNearDuplicateIndex();
  const chronological = [...current.items].reverse();
  for (const m of chronological) index.add(m.id, m.text, m.author.handle);
  const byId = new Map(current.items.map((m) => [m.id, m]));
  const clusters = index
    .clusters()
    .filter((c) => c.size > 1)
    .slice(0, 5)
    .map((c) => {
      const first = byId.get(c.clusterId);
      return { size: c.size, authors: c.authors, sample: { id: c.clusterId, text: first?.text.slice(0, 280) ?? '', author: first?.author.handle ?? '' } };
    });
  return {
    period: { since, until },
    keyTerms,
    rising,
    spread: { mentions: current.items.length, uniqueVoices: index.uniqueVoices(), clusters },
    truncated: current.truncated || baseline.truncated,
  };
}
