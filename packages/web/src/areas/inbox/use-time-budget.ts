import type { TimeBudgetView } from '@vigie/client';
import { useEffect, useState } from 'react';
import { api } from '../../api-client';

/** One minute of use is recorded per minute the inbox is visible. */
const TICK_MS = 60_000;

/**
 * The signed-in member's time budget of the day, counting the minutes the inbox page is open and
 * visible: a hidden tab or a closed laptop does not eat the budget. `userId` undefined (a token,
 * or a role that cannot respond): no budget. The server keys it by the caller.
 */
export function useTimeBudget(userId: string | undefined): TimeBudgetView | undefined {
  const [budget, setBudget] = useState<TimeBudgetView>();
  useEffect(() => {
    if (!userId) return setBudget(undefined);
    let current = true;
    const apply = (b: TimeBudgetView): void => {
      if (current) setBudget(b);
    };
    // A failed read or write leaves the last known budget on screen; the next tick retries.
    const keep = (): void => undefined;
    api.inbox.budget().then(apply, keep);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') api.inbox.addTime(undefined, 1).then(apply, keep);
    }, TICK_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [userId]);
  return budget;
}
