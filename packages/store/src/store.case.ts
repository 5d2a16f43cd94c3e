/**
 * The one store suite: every case runs on SQLite and on PostgreSQL (store.test.ts). Cases live in
 * cases/ by area; each creates its own workspaces, so they share one database per run.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { accountCases } from './cases/account-cases';
import { alertCases } from './cases/alert-cases';
import { catalogCases } from './cases/catalog-cases';
import { identityCases } from './cases/identity-cases';
import { mentionCases } from './cases/mention-cases';
import { searchCases } from './cases/search-cases';
import type { VigieStore } from './create-store';
import { conversationCases } from './repositories/conversation-repository.case';

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
    let failure: unknown;
    // An open failure (e.g. PostgreSQL unreachable) fails every case with its message, so the
    // run reports failed tests rather than a hook error next to "0 failed".
    const getStore = (): VigieStore => {
      if (!opened) throw failure instanceof Error ? failure : new Error(`the ${name} store did not open`);
      return opened.store;
    };
    beforeAll(async () => {
      try {
        opened = await open();
      } catch (error) {
        failure = error;
      }
    });
    afterAll(async () => {
      await opened?.dispose();
    });

    catalogCases(getStore);
    mentionCases(getStore);
    searchCases(getStore);
    alertCases(getStore);
    conversationCases(getStore);
    identityCases(getStore);
    accountCases(getStore);
  });
}
