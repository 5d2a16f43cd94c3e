import { describe, expect, it } from 'vitest';
import { openingError } from '../cases/opening-error';
import { adminUrl, isPostgresSkipped } from './test-database';

describe('opening a PostgreSQL database that cannot be used gives one clear line', () => {
  it('a server that does not answer, without leaking the password', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const error = await openingError({ kind: 'postgres', url: 'postgres://vigie:s3cret@127.0.0.1:1/vigie', connectTimeoutMs: 2_000 });
    expect(error.message).toContain('Cannot connect to PostgreSQL at 127.0.0.1:1/vigie');
    expect(error.message).toContain('nothing listens there');
    expect(error.message).not.toContain('s3cret');
  });

  // Needs the real server; left out only when the run was asked to leave PostgreSQL out.
  it.skipIf(isPostgresSkipped())('a database that does not exist on a running server', async () => {
    const url = new URL(adminUrl());
    url.pathname = '/vigie_no_such_database';
    const error = await openingError({ kind: 'postgres', url: url.toString() });
    expect(error.message).toContain('the database does not exist');
    expect(error.message).toContain("la base n'existe pas");
  });
});
