import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  it('French and English have exactly the same keys', () => {
    expect(keysOf(fr as Tree).sort()).toEqual(keysOf(en as Tree).sort());
  });

  it('no string is left empty and placeholders match across languages', () => {
    const enTree = en as Tree;
    for (const key of keysOf(fr as Tree)) {
      const get = (tree: Tree): string => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part] ?? '', tree) as string;
      const frText = get(fr as Tree);
      const enText = get(enTree);
      expect(frText, key).not.toBe('');
      const vars = (s: string): string[] => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(vars(frText), key).toEqual(vars(enText));
    }
  });
});
