import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOwnerToken, readEventStream } from '../test/test-vigie';

describe('live mention stream (SSE)', () => {
  let server: StartedServer;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigie-sse-'));
    server = await startServer({ dataDir, port: 0, demo: false, worker: false, logLevel: 'silent' }, { env: {} });
  });
  afterEach(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pushes a newly stored mention to connected streams, and not a re-ingested one', async () => {
    const token = await createOwnerToken(server.vigie);
    const response = await fetch(`${server.url}/api/mentions/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const stream = readEventStream(response);
    await stream.until('event: ready');
    const mention = { connector: 'import' as const, externalId: 'x1', author: { handle: 'alice' }, text: 'Nouvelle mention en direct', publishedAt: new Date().toISOString(), engagement: {}, kind: 'post' as const, raw: {} };
    const workspaceId = server.vigie.defaultWorkspace.id;
    await server.vigie.ingest(workspaceId, [mention]);
    await server.vigie.ingest(workspaceId, [mention]);
    await stream.until('Nouvelle mention en direct');
    const events = stream.text().split('\n\n').filter((block) => block.includes('event: mention'));
    expect(events).toHaveLength(1);
    expect(events[0]).toContain('"externalId":"x1"');
    await stream.cancel();
  });
});
