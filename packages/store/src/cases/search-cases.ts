import { beforeAll, describe, expect, it } from 'vitest';
import type { FtsPlan, Store, Workspace } from '@vigie/core';
import { uniqueSlug } from './catalog-cases';
import { at, makeMention } from './mention-factory';

const CORPUS: { id: string; title?: string; text: string }[] = [
  { id: 'ecole', title: "L'École du quartier", text: 'Les inscriptions ouvrent lundi.' },
  { id: 'francais', text: 'Le Français moyen adore le fromage.' },
  { id: 'bon-produit', text: 'Un bon produit, livré vite. MERCI Vigie !' },
  { id: 'produit-bon', text: 'Ce produit est bon mais cher.' },
  { id: 'noel', text: 'Joyeux Noël à toute l’équipe de Vigie' },
  { id: 'offre', text: "Offre d'emploi : community manager chez Vigie" },
  { id: 'english', title: 'Great launch', text: 'The new app is great, thanks!' },
];

/** Full-text: the `search` filter and FtsPlan translations, on the same small corpus. */
export function searchCases(getStore: () => Store): void {
  describe('full-text search', () => {
    let ws: Workspace;
    beforeAll(async () => {
      const store = getStore();
      ws = await store.workspaces.create({ name: 'Search', slug: uniqueSlug('search') });
      await store.mentions.upsertMany(
        ws.id,
        CORPUS.map((doc, i) => makeMention({ externalId: doc.id, title: doc.title, text: doc.text, publishedAt: at(i) })),
      );
    });

    const search = async (text: string) =>
      (await getStore().mentions.list(ws.id, { search: text }, { limit: 50 })).items.map((m) => m.externalId).sort();
    const plan = async (p: FtsPlan) =>
      (await getStore().mentions.searchPlan(ws.id, p, {}, { limit: 50 })).items.map((m) => m.externalId).sort();

    it('ignores accents and case: ecole finds École, francais finds Français, noel finds Noël', async () => {
      expect(await search('ecole')).toEqual(['ecole']);
      expect(await search('francais')).toEqual(['francais']);
      expect(await search('NOEL')).toEqual(['noel']);
      expect(await search('Équipe')).toEqual(['noel']);
    });

    it('requires every word, matches the last one as a prefix, and searches titles too', async () => {
      expect(await search('produit bon')).toEqual(['bon-produit', 'produit-bon']);
      expect(await search('produit cher')).toEqual(['produit-bon']);
      expect(await search('fran')).toEqual(['francais']);
      expect(await search('great launch')).toEqual(['english']);
      expect(await search('quartier')).toEqual(['ecole']);
    });

    it('treats operators and quotes in user text as plain words', async () => {
      expect(await search('vigie OR fromage')).toEqual([]);
      expect(await search('merci" *) (vigie')).toEqual(['bon-produit']);
      expect(await search('NEAR(merci vigie)')).toEqual([]);
      expect(await search("l'école")).toEqual(['ecole']);
      // Nothing searchable at all means no text filter.
      expect(await search('«  » !')).toHaveLength(CORPUS.length);
      expect(await getStore().mentions.count(ws.id, { search: 'vigie' })).toBe(3);
    });

    it('splits numbers, e-mail addresses and URLs into words on both databases, as the query plan does', async () => {
      const store = getStore();
      const own = await store.workspaces.create({ name: 'Punctuation', slug: uniqueSlug('punct') });
      await store.mentions.upsertMany(own.id, [makeMention({ externalId: 'p', text: 'Version 3.5 dispo, écrivez à support@vigie.example ou https://vigie.example/aide', publishedAt: at(0) })]);
      const found = async (p: FtsPlan) => (await store.mentions.searchPlan(own.id, p, {}, { limit: 5 })).items.map((m) => m.externalId);
      expect(await found({ kind: 'term', value: '5' })).toEqual(['p']);
      expect(await found({ kind: 'phrase', words: ['support', 'vigie', 'example'] })).toEqual(['p']);
      expect(await found({ kind: 'term', value: 'aide' })).toEqual(['p']);
    });

    it('translates FtsPlan terms, prefixes and phrases', async () => {
      expect(await plan({ kind: 'term', value: 'vigie' })).toEqual(['bon-produit', 'noel', 'offre']);
      expect(await plan({ kind: 'term', value: 'prod' })).toEqual([]);
      expect(await plan({ kind: 'term', value: 'prod', prefix: true })).toEqual(['bon-produit', 'produit-bon']);
      expect(await plan({ kind: 'phrase', words: ['bon', 'produit'] })).toEqual(['bon-produit']);
      expect(await plan({ kind: 'phrase', words: ['community', 'manager'] })).toEqual(['offre']);
    });

    it('translates and, or and not', async () => {
      const vigie: FtsPlan = { kind: 'term', value: 'vigie' };
      const emploi: FtsPlan = { kind: 'term', value: 'emploi' };
      expect(await plan({ kind: 'and', items: [vigie, { kind: 'term', value: 'merci' }] })).toEqual(['bon-produit']);
      expect(await plan({ kind: 'or', items: [{ kind: 'term', value: 'fromage' }, { kind: 'term', value: 'great' }] })).toEqual(['english', 'francais']);
      expect(await plan({ kind: 'and', items: [vigie, { kind: 'not', item: emploi }] })).toEqual(['bon-produit', 'noel']);
      expect(
        await plan({
          kind: 'and',
          items: [
            { kind: 'or', items: [vigie, { kind: 'term', value: 'produit' }] },
            { kind: 'not', item: { kind: 'or', items: [emploi, { kind: 'phrase', words: ['est', 'bon'] }] } },
          ],
        }),
      ).toEqual(['bon-produit', 'noel']);
    });

    it('combines a plan with filters and pages through its results', async () => {
      const store = getStore();
      const filtered = await store.mentions.searchPlan(ws.id, { kind: 'term', value: 'vigie' }, { search: 'merci' }, { limit: 50 });
      expect(filtered.items.map((m) => m.externalId)).toEqual(['bon-produit']);
      const first = await store.mentions.searchPlan(ws.id, { kind: 'term', value: 'vigie' }, {}, { limit: 2 });
      const second = await store.mentions.searchPlan(ws.id, { kind: 'term', value: 'vigie' }, {}, { limit: 2, cursor: first.nextCursor! });
      expect([...first.items, ...second.items].map((m) => m.externalId)).toEqual(['offre', 'noel', 'bon-produit']);
      expect(second.nextCursor).toBeNull();
    });

    it('refuses plans the contract rules out', async () => {
      const store = getStore();
      const refused = (p: FtsPlan) => expect(store.mentions.searchPlan(ws.id, p, {}, { limit: 5 })).rejects.toMatchObject({ code: 'validation_failed' });
      await refused({ kind: 'not', item: { kind: 'term', value: 'vigie' } });
      await refused({ kind: 'and', items: [{ kind: 'not', item: { kind: 'term', value: 'vigie' } }] });
      await refused({ kind: 'or', items: [] });
      await refused({ kind: 'term', value: '!!' });
    });
  });
}
