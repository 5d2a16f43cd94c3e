import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = new URL('../../bin/vigie.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-alerts-'));

function vigie(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, VIGIE_LOG_LEVEL: 'silent', VIGIE_DATA_DIR: join(dir, 'data') }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The demo month itself is replayed through the same function in server/src/jobs/alert-backtest.job.test.ts.
describe('vigie alerts backtest', () => {
  it('prints a JSON array for a data folder with no episodes, and refuses an inverted range with the field and exit 2', async () => {
    const ok = await vigie(['alerts', 'backtest', '--from', '2026-11-01T00:00:00Z', '--to', '2026-11-02T00:00:00Z', '--json']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);

    const bad = await vigie(['alerts', 'backtest', '--from', '2026-11-02T00:00:00Z', '--to', '2026-11-01T00:00:00Z']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/to: must be after from/);
  });
}, 90_000);
