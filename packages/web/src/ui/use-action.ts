import { useState } from 'react';

export interface Action {
  /** An action is running: its buttons are disabled. */
  busy: boolean;
  /** What the last action threw (shown with ErrorNote / AuthError); cleared when the next one starts. */
  error: unknown;
  setError: (error: unknown) => void;
  /** Runs `action` (busy meanwhile), then `onDone`; false, with `error` set, when either threw. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * The busy flag and error of a panel's or form's API actions, which share one of each: while one
 * runs, the others' buttons are disabled, and a failure stays on screen until the next try.
 */
export function useAction(onDone?: () => void): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onDone?.();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
