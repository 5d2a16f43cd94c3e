import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from './errors';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('error table', () => {
  it.each(Object.entries(ERROR_CODES))('documents %s with its status and exit code in docs/errors.md', (code, row) => {
    const line = doc.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
    expect(line, `docs/errors.md has no row for ${code}`).toBeDefined();
    const cells = line!.split('|').map((c) => c.trim());
    expect(Number(cells[2])).toBe(row.status);
    expect(Number(cells[3])).toBe(row.exit);
  });

  it('documents no code that does not exist', () => {
    const documented = [...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('gives an AppError the status and exit code of its row', () => {
    const error = new AppError('not_found', 'topic 42 does not exist');
    expect(error.status).toBe(404);
    expect(error.exitCode).toBe(4);
  });
});
