import type { Mention } from '@vigie/core';

type Listener = (mention: Mention) => void;

/**
 * In-process fan-out of newly stored mentions to live streams (SSE). A listener that throws is
 * removed so one broken stream never stops the others.
 */
export function createMentionBus() {
  const listeners = new Set<Listener>();
  return {
    publish(mention: Mention): void {
      for (const listener of listeners) {
        try {
          listener(mention);
        } catch {
          listeners.delete(listener);
        }
      }
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get size(): number {
      return listeners.size;
    },
  };
}

export type MentionBus = ReturnType<typeof createMentionBus>;
