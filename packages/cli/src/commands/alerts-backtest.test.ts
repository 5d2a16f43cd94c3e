/**
 * `vigie alerts backtest`: the empty folder and the refused range in-process through `runCli`; the
 * demo folder through the real `vigie` binary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '@vigie/server';
import { vigieInProcess, vigieSpawned, type CliResult } from '../testing/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'vigie-cli-alerts-'));
const env = { VIGIE_DATA_DIR: join(dir, 'data') };

const vigie = (args: string[]): Promise<CliResult> => vigieInProcess(args, { env });
const spawned = (args: string[]): Promise<CliResult> => vigieSpawned(args, { env });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

describe('vigie alerts backtest on a demo data folder', () => {
  it('finds the Ondine crisis and the Roule ma ville buzz within 30 minutes of their onset', async () => {
    // A first start with the demo seeds the month (5,000 mentions through the real ingest and analysis).
    const demoDir = join(dir, 'demo');
    const server = await startServer({ dataDir: demoDir, port: 0, demo: true, demoReplay: false, worker: false, logLevel: 'silent' });
    await server.close();
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const run = await spawned(['alerts', 'backtest', '--from', from.toISOString(), '--to', to.toISOString(), '--json', '--data', demoDir]);
    expect(run.stderr).toBe('');
    const episodes = JSON.parse(run.stdout) as { topic: string; kind: string; startedAt: string; detectedAt: string; explanation: { fr: string; en: string } }[];
    for (const [topic, kind] of [['Velotys Ondine', 'crisis'], ['Roule ma ville', 'buzz']]) {
      const found = episodes.find((e) => e.topic === topic && e.kind === kind);
      expect(found, `${kind} on ${topic}`).toBeDefined();
      expect((Date.parse(found!.detectedAt) - Date.parse(found!.startedAt)) / 60_000).toBeLessThanOrEqual(30);
      expect(found!.explanation.en.length).toBeGreaterThan(0);
    }
  });
}, 120_000);
