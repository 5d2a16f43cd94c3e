import type { TopicKind } from '@vigie/core';

// Listed here rather than re-exported from @vigie/core so the client imports core for types only:
// the browser bundle then never pulls in the domain code. The Record makes the compiler fail
// when core adds or removes a kind.
const KINDS: Record<TopicKind, true> = { brand: true, product: true, competitor: true, campaign: true, keyword: true };

/** Every topic kind, in display order. */
export const TOPIC_KINDS = Object.keys(KINDS) as TopicKind[];
