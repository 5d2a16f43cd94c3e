import type { TimeBudgetView } from '@vigie/client';
import { useEffect, useState } from 'react';
import { api } from '../../api-client';

/** One minute of use is recorded per minute the inbox is visible with a member name set. */
const TICK_MS = 60_000;

/**
 * The member's time budget of the day, counting the minutes the inbox page is open and visible:
 * a hidden tab or a closed laptop does not eat the budget.
 */
export function useTimeBudget(member: string): TimeBudgetView | undefined {
  const [budget, setBudget] = useState<TimeBudgetView>();
  useEffect(() => {
    if (!member) return setBudget(undefined);
    let current = true;
    const apply = (b: TimeBudgetView): void => {
      if (current) setBudget(b);
    };
    // A failed read or write leaves the last known budget on screen; the next tick retries.
    const keep = (): void => undefined;
    api.inbox.budget(member).then(apply, keep);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') api.inbox.addTime(member, 1).then(apply, keep);
    }, TICK_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [member]);
  return budget;
}
