import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { withLocalVigie } from '../cli-context';
import { io } from '../io';

/** `vigie fetch`: one pass over every enabled source of the data folder, with a progress bar. */
export function registerFetch(program: Command): void {
  program
    .command('fetch')
    .description('poll every enabled source once / interroger chaque source une fois')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .action(async (options: { data?: string }) => {
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const sources = (await vigie.store.sources.list(vigie.defaultWorkspace.id)).filter((s) => s.enabled);
        const bar = new SingleBar({ format: ' {bar} {value}/{total} sources | {name}', stream: io().stderr }, Presets.shades_classic);
        bar.start(sources.length, 0, { name: '' });
        let inserted = 0;
        const failures: string[] = [];
        for (const source of sources) {
          bar.update({ name: source.name });
          const result = await vigie.pollSource(source);
          inserted += result.inserted;
          if (result.error) failures.push(`${source.name}: ${result.error.code} — ${result.error.message}`);
          bar.increment();
        }
        bar.stop();
        io().stdout.write(`${sources.length} sources polled, ${inserted} new mentions, ${failures.length} failing\n`);
        for (const failure of failures) io().stdout.write(`  ✗ ${failure}\n`);
      });
    });
}
