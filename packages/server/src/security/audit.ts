import type { AuditActor, Store } from '@vigie/core';
import type { Logger } from '../logger';

/** What an audit entry needs from a request: the variables the auth middleware sets. */
export interface AuditContext {
  var: { workspaceId?: string; actor?: AuditActor; clientIp?: string };
}

export type AuditFn = (c: AuditContext, action: string, target?: string, details?: Record<string, unknown>) => Promise<void>;

/**
 * `audit(c, action, target?, details?)`: appends an entry for the request's workspace, actor and
 * address. Details must never hold secrets or message content. A failure to write is logged, not
 * thrown: the action already happened and the caller must learn its outcome.
 *
 * @example
 * await deps.audit(c, 'source.delete', `source:${id}`);
 */
export function createAudit(store: Pick<Store, 'audit'>, log: Logger, now: () => Date): AuditFn {
  return async (c, action, target, details) => {
    try {
      await store.audit.append({
        workspaceId: c.var.workspaceId || undefined,
        at: now().toISOString(),
        actor: c.var.actor ?? { kind: 'system', label: 'anonymous' },
        action,
        ...(target !== undefined && { target }),
        ...(c.var.clientIp && { ip: c.var.clientIp }),
        ...(details !== undefined && { details }),
      });
    } catch (error) {
      log.error({ err: error, action }, 'could not write the audit log');
    }
  };
}
