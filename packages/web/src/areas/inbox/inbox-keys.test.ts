import { describe, expect, it } from 'vitest';
import { inboxKeyAction, moveSelection, tomorrowMorning } from './inbox-keys';

describe('inbox keyboard', () => {
  it('maps j/k/e/a/r/s/f and ignores keys typed in a field or with a modifier', () => {
    expect(['j', 'k', 'e', 'a', 'r', 's', 'f'].map((key) => inboxKeyAction({ key, targetTag: 'BODY' }))).toEqual(['next', 'previous', 'close', 'assign', 'reply', 'snooze', 'focus']);
    expect(inboxKeyAction({ key: 'e', targetTag: 'TEXTAREA' })).toBeUndefined();
    expect(inboxKeyAction({ key: 'e', targetTag: 'DIV', editable: true })).toBeUndefined();
    expect(inboxKeyAction({ key: 'r', targetTag: 'BODY', ctrlKey: true })).toBeUndefined();
    expect(inboxKeyAction({ key: 'x', targetTag: 'BODY' })).toBeUndefined();
  });

  it('moves the selection and stops at both ends', () => {
    expect(moveSelection(['a', 'b', 'c'], undefined, 1)).toBe('a');
    expect(moveSelection(['a', 'b', 'c'], 'a', 1)).toBe('b');
    expect(moveSelection(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(moveSelection(['a', 'b', 'c'], 'a', -1)).toBe('a');
    expect(moveSelection([], 'a', 1)).toBeUndefined();
  });

  it('snoozes until tomorrow morning', () => {
    const at = tomorrowMorning(new Date(2026, 10, 25, 16, 30));
    expect([at.getDate(), at.getHours(), at.getMinutes()]).toEqual([26, 9, 0]);
  });
});
