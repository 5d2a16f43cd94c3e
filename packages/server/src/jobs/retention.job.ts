/**
 * The retention purge: at start, then once a day, every workspace with a retention period loses
 * the mentions published before it (and the conversations left empty). Each purge that deleted
 * something is in that workspace's audit log (`data.retention`, actor `system`).
 */
import type { Store } from '@vigie/core';
import type { Logger } from '../logger';
import type { DataRightsService } from '../services/data-rights-service';

export const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;

export interface RetentionJobDeps {
  rights: DataRightsService;
  store: Pick<Store, 'audit'>;
  log: Logger;
  now: () => Date;
  /** Between two purges (default one day). */
  intervalMs?: number;
}

/**
 * @example
 * const retention = createRetentionJob({ rights, store, log, now });
 * await retention.start(); // purges now, then daily
 * await retention.stop();
 */
export function createRetentionJob(deps: RetentionJobDeps) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  /** One pass over every workspace; returns what was deleted where. */
  async function runOnce() {
    const done = await deps.rights.purgeAll();
    for (const { workspaceId, report } of done) {
      if (report.deletedMentions === 0) continue;
      deps.log.info({ workspaceId, ...report }, 'retention: old mentions deleted');
      await deps.store.audit.append({ workspaceId, at: deps.now().toISOString(), actor: { kind: 'system', label: 'retention' }, action: 'data.retention', details: { ...report } });
    }
    return done;
  }

  const tick = (): void => {
    running = runOnce()
      .then(() => undefined)
      .catch((error: unknown) => deps.log.error({ err: error }, 'retention purge failed; tried again tomorrow'));
  };

  return {
    runOnce,
    async start(): Promise<void> {
      if (timer) return;
      tick();
      await running;
      timer = setInterval(tick, deps.intervalMs ?? RETENTION_INTERVAL_MS);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
