/**
 * Feeds the inbox from the mention bus: each newly stored mention is triaged after the ingest has
 * returned, one at a time, so a slow triage never blocks polling. A failure is logged and the next
 * mention goes on.
 */
import type { Mention } from '@vigie/core';
import type { MentionBus } from '../events/mention-bus';
import type { Logger } from '../logger';
import type { InboxService } from '../services/inbox-service';

/** Beyond this backlog the oldest mentions are dropped from triage (and logged): memory stays bounded. */
const MAX_BACKLOG = 10_000;

/**
 * @example
 * const worker = createInboxWorker({ bus, inbox, log }); worker.start(); … await worker.stop();
 */
export function createInboxWorker(deps: { bus: MentionBus; inbox: InboxService; log: Logger }) {
  const backlog: Mention[] = [];
  let unsubscribe: (() => void) | undefined;
  let draining: Promise<void> | undefined;

  async function drain(): Promise<void> {
    for (let mention = backlog.shift(); mention; mention = backlog.shift()) {
      try {
        await deps.inbox.ingest(mention);
      } catch (error) {
        deps.log.error({ err: error, mentionId: mention.id }, 'inbox triage failed for a mention');
      }
    }
    draining = undefined;
  }

  return {
    start(): void {
      unsubscribe ??= deps.bus.subscribe((mention) => {
        if (backlog.length >= MAX_BACKLOG) deps.log.warn({ dropped: backlog.shift()?.id }, 'inbox backlog full; oldest mention not triaged');
        backlog.push(mention);
        draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
      });
    },
    /** Resolves when every mention received so far is triaged (tests, shutdown). */
    async idle(): Promise<void> {
      while (draining) await draining;
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      unsubscribe = undefined;
      while (draining) await draining;
    },
  };
}
