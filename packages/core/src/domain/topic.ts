export const TOPIC_KINDS = ['brand', 'product', 'competitor', 'campaign', 'keyword'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** What the user cares about; holds one or more queries. */
export interface Topic {
  id: string;
  workspaceId: string;
  name: string;
  kind: TopicKind;
  /** Optional query whose matches are removed from every query of the topic (job ads, a homonym). */
  exclusions?: string;
  /** Display colour (`#rrggbb`). */
  color?: string;
  createdAt: string;
  queries: Query[];
}

/** A saved Boolean listening rule, belonging to one topic. */
export interface Query {
  id: string;
  workspaceId: string;
  topicId: string;
  name?: string;
  text: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}
