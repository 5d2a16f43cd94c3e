/** Keyboard shortcuts of the inbox: one key, one action, ignored while typing in a field. */
export type InboxKeyAction = 'next' | 'previous' | 'close' | 'assign' | 'reply' | 'snooze' | 'focus';

const KEYS: Readonly<Record<string, InboxKeyAction>> = { j: 'next', k: 'previous', e: 'close', a: 'assign', r: 'reply', s: 'snooze', f: 'focus' };

/**
 * The action of a key press, or undefined (modifier held, or the user is typing).
 *
 * @example
 * inboxKeyAction({ key: 'j', targetTag: 'BODY' }) // → 'next'
 * inboxKeyAction({ key: 'j', targetTag: 'TEXTAREA' }) // → undefined
 */
export function inboxKeyAction(event: { key: string; targetTag?: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; editable?: boolean }): InboxKeyAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.editable) return undefined;
  if (event.targetTag === 'INPUT' || event.targetTag === 'TEXTAREA' || event.targetTag === 'SELECT') return undefined;
  return KEYS[event.key];
}

/** Moves a selection by one within a list of ids, staying on the ends. */
export function moveSelection(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const index = current === undefined ? -1 : ids.indexOf(current);
  if (index === -1) return ids[0];
  return ids[Math.max(0, Math.min(ids.length - 1, index + step))];
}

/** Tomorrow at 9:00 local time: the default snooze ("not today"). */
export function tomorrowMorning(now: Date): Date {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(9, 0, 0, 0);
  return next;
}
