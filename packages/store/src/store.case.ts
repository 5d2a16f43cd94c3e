/**
 * The one store suite: every case runs on SQLite and on PostgreSQL (store.test.ts). Cases live in
 * cases/ by area; each creates its own workspaces, so they share one database per run.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { catalogCases } from './cases/catalog-cases';
import { mentionCases } from './cases/mention-cases';
import { searchCases } from './cases/search-cases';
import type { VigieStore } from './create-store';

export interface OpenedTestStore {
  store: VigieStore;
  /** Closes the store and removes its database. */
  dispose(): Promise<void>;
}

/**
 * @example
 * runStoreCases('sqlite', async () => { const store = await createStore({ kind: 'sqlite', file }); return { store, dispose: () => store.close() }; });
 */
export function runStoreCases(name: string, open: () => Promise<OpenedTestStore>): void {
  describe(`store on ${name}`, () => {
    let opened: OpenedTestStore | undefined;
    const getStore = (): VigieStore => {
      if (!opened) throw new Error(`the ${name} store did not open (see the beforeAll error)`);
      return opened.store;
    };
    beforeAll(async () => {
      opened = await open();
    });
    afterAll(async () => {
      await opened?.dispose();
    });

    catalogCases(getStore);
    mentionCases(getStore);
    searchCases(getStore);
  });
}
