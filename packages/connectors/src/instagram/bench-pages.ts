import { readFileSync } from 'node:fs';
import type { MentionInput } from '@vigie/core';
import { readGraphList } from './api';
import { commentToMentions, igMedia, taggedToMention } from './to-mention';

/** A recorded page and the function that normalises it, for `npm run bench` (same shape as the other connectors'). */
export interface BenchPage {
  name: string;
  /** The page as received (parsed JSON). */
  payload: unknown;
  /** Payload → mentions, exactly as the poll does it (validation included). */
  normalise(payload: unknown): MentionInput[];
}

function load(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as unknown;
}

function normaliseMedia(payload: unknown): MentionInput[] {
  return readGraphList(payload, 'media').data.flatMap((raw) => {
    const media = igMedia.safeParse(raw);
    if (!media.success) return [];
    return (media.data.comments?.data ?? []).flatMap((comment) => commentToMentions(comment, media.data)).flatMap((o) => ('mention' in o ? [o.mention] : []));
  });
}

/**
 * @example
 * for (const page of benchPages()) page.normalise(page.payload);
 */
export function benchPages(): BenchPage[] {
  return [
    { name: 'instagram/media-page1.json', payload: load('media-page1.json'), normalise: normaliseMedia },
    { name: 'instagram/media-page2.json', payload: load('media-page2.json'), normalise: normaliseMedia },
    { name: 'instagram/tags.json', payload: load('tags.json'), normalise: (payload) => readGraphList(payload, 'tags').data.map(taggedToMention).flatMap((o) => ('mention' in o ? [o.mention] : [])) },
  ];
}
