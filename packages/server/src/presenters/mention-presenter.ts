import type { JSONValue } from 'hono/utils/types';
import type { Mention } from '@vigie/core';

/** A mention as lists show it: without the raw payload (large, and only useful for re-normalising). */
export function presentMention(mention: Mention) {
  const { raw: _raw, workspaceId: _ws, ...view } = mention;
  // Analyzer results are plain JSON objects; the index signature of MentionAnalysis allows undefined.
  return { ...view, analysis: mention.analysis as unknown as Record<string, JSONValue>, engagement: Object.fromEntries(Object.entries(mention.engagement).filter(([, v]) => typeof v === 'number')) as Record<string, number> };
}

export function presentMentionDetail(mention: Mention) {
  return { ...presentMention(mention), raw: mention.raw };
}
