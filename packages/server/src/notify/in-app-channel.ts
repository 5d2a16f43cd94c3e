/**
 * The in-app channel: hands the notification to whatever shows it in the web UI (the server's
 * event bus, a notifications table). The sink decides; a throwing sink is a bug, not a retry.
 */
import type { Notification, NotificationChannel, NotificationTarget, SendOutcome } from './notification';

/**
 * @example
 * const inApp = createInAppChannel(async (workspaceId, n) => events.publish(workspaceId, { type: 'notification', n }));
 */
export function createInAppChannel(sink: (workspaceId: string, notification: Notification) => Promise<void>): NotificationChannel {
  return {
    kind: 'in_app',
    async send(notification: Notification, target: NotificationTarget): Promise<SendOutcome> {
      if (target.kind !== 'in_app') return { failed: `in-app channel cannot send to ${target.kind}` };
      await sink(target.workspaceId, notification);
      return 'sent';
    },
  };
}
