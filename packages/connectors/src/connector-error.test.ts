import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECTOR_ERROR_CODES, ConnectorError } from './connector-error';

describe('ConnectorError', () => {
  it('documents every code in docs/connectors/errors.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/connectors/errors.md'), 'utf8');
    const undocumented = CONNECTOR_ERROR_CODES.filter((code) => !doc.includes(`| \`${code}\` |`));
    expect(undocumented).toEqual([]);
  });

  it('serialises to code and message for health records, without the cause', () => {
    const error = new ConnectorError('rate_limited', 'HTTP 429 from https://x.example/: too many requests', { status: 429, retryAfterMs: 1000, cause: new Error('inner') });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'rate_limited', message: 'HTTP 429 from https://x.example/: too many requests', status: 429, retryAfterMs: 1000 });
  });
});
