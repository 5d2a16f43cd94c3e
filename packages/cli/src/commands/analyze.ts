import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { AppError } from '@vigie/core';
import { withLocalVigie } from '../cli-context';
import { io } from '../io';

const PAGE = 500;

/** `vigie analyze`, `vigie eval <task> <file.tsv>`, `vigie reanalyze`. */
export function registerAnalysis(program: Command): void {
  program
    .command('analyze')
    .description('read JSONL posts on stdin ({"id","text"} …), write one JSON line of analysis per post / analyser des messages')
    .action(async () => {
      const { createAnalysisPipeline, summarizeAnalysis } = await import('@vigie/server');
      const pipeline = createAnalysisPipeline();
      let lineNumber = 0;
      for await (const line of createInterface({ input: io().stdin, crlfDelay: Infinity })) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        let post: Record<string, unknown>;
        try {
          post = JSON.parse(line) as Record<string, unknown>;
        } catch (error) {
          io().stderr.write(`line ${lineNumber}: invalid JSON: ${(error as Error).message}\n`);
          continue;
        }
        if (typeof post?.text !== 'string') {
          io().stderr.write(`line ${lineNumber}: field "text" is missing\n`);
          continue;
        }
        const result = pipeline.analyze({ text: post.text, title: typeof post.title === 'string' ? post.title : undefined, lang: typeof post.lang === 'string' ? post.lang : undefined });
        io().stdout.write(`${JSON.stringify({ id: post.id ?? lineNumber, ...summarizeAnalysis(result), analysis: result })}\n`);
      }
    });

  program
    .command('eval <task> <file>')
    .description('evaluate an analyzer on a labelled TSV (label<TAB>text): sentiment, questions, aggressiveness')
    .option('--lang <lang>', 'language of the texts (fr, en) when known')
    .option('--locale <locale>', 'report language (fr, en)', 'en')
    .action(async (task: string, file: string, options: { lang?: string; locale: string }) => {
      const { analysisTasks, evaluateClassifier, formatEvaluation, parseLabelledTsv, splitLabelledSet } = await import('@vigie/server');
      const evaluation = analysisTasks[task as keyof typeof analysisTasks];
      if (!evaluation) throw new AppError('validation_failed', `unknown task "${task}": use ${Object.keys(analysisTasks).join(', ')}`, [{ field: 'task', message: 'unknown' }]);
      const content = readFileSync(file, 'utf8');
      const examples = evaluation.parse ? evaluation.parse(content) : parseLabelledTsv(content, evaluation.labels);
      const predict = evaluation.createPredictor(options.lang);
      const locale = options.locale === 'fr' ? 'fr' : 'en';
      io().stdout.write(`${formatEvaluation(evaluateClassifier(examples, predict, evaluation.labels), locale)}\n`);
      // Sets written in rounds (`# --- dev …`, `# --- held-out …`) are also reported round by round,
      // so a held-out figure is never hidden inside the total.
      const { sections } = splitLabelledSet(content, evaluation.labels);
      if (sections.length > 1) {
        for (const section of sections) {
          io().stdout.write(`\n## ${section.title} (${section.split}, ${section.examples.length} examples)\n${formatEvaluation(evaluateClassifier(section.examples, predict, evaluation.labels), locale)}\n`);
        }
      }
    });

  program
    .command('reanalyze')
    .description('re-run the analyzers over stored mentions / ré-analyser les mentions stockées')
    .option('-d, --data <dir>', 'data folder (VIGIE_DATA_DIR, default ./vigie-data)')
    .action(async (options: { data?: string }) => {
      await withLocalVigie({ dataDir: options.data }, async (vigie) => {
        const workspaceId = vigie.defaultWorkspace.id;
        const total = await vigie.store.mentions.count(workspaceId, {});
        const bar = new SingleBar({ format: ' {bar} {value}/{total} mentions', stream: io().stderr }, Presets.shades_classic);
        bar.start(total, 0);
        let cursor: string | undefined;
        let done = 0;
        do {
          const page = await vigie.store.mentions.list(workspaceId, {}, { limit: PAGE, cursor });
          for (const m of page.items) {
            await vigie.store.mentions.setAnalysis(workspaceId, m.id, vigie.analysis.analyze({ text: m.text, title: m.title, lang: m.lang, author: m.author, engagement: m.engagement }));
          }
          done += page.items.length;
          bar.update(done);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        bar.stop();
        io().stdout.write(`${done} mentions re-analysed\n`);
      });
    });
}
