import { expect } from 'vitest';
import { AppError } from '@vigie/core';
import { createStore, type StoreOptions } from '../create-store';

/**
 * Opens a store that must fail and returns the error, checked to be one `database_unavailable`
 * line (no stack trace, no driver dump).
 *
 * @example
 * const error = await openingError({ kind: 'sqlite', file: 'notes.txt' });
 */
export async function openingError(options: StoreOptions): Promise<AppError> {
  const error: unknown = await createStore(options).then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('database_unavailable');
  expect(appError.message).not.toContain('\n');
  return appError;
}
