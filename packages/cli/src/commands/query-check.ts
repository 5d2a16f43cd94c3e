import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError, createQueryMatcher, evaluateQuery, lintQuery, normalizeQuery, parseQuery, type MatchableDocument } from '@vigie/core';
import { io } from '../io';

/** A JSONL post as the query commands read it: `{"id","text"}` plus optional fields. */
function toDocument(line: string, lineNumber: number): { id: string; doc: MatchableDocument } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new AppError('validation_failed', `line ${lineNumber}: invalid JSON: ${(error as Error).message}`, [{ line: lineNumber, message: 'invalid JSON' }]);
  }
  const post = value as Record<string, unknown>;
  if (!post || typeof post !== 'object' || typeof post.text !== 'string') {
    throw new AppError('validation_failed', `line ${lineNumber}: expected an object with a "text" string`, [{ line: lineNumber, field: 'text', message: 'missing' }]);
  }
  const s = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    id: typeof post.id === 'string' || typeof post.id === 'number' ? String(post.id) : String(lineNumber),
    doc: { text: post.text, title: s(post.title), lang: s(post.lang), author: s(post.author), url: s(post.url), connector: s(post.connector), country: s(post.country) },
  };
}

async function* readPosts(): AsyncGenerator<{ id: string; doc: MatchableDocument }> {
  let lineNumber = 0;
  for await (const line of createInterface({ input: io().stdin, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    yield toDocument(line, lineNumber);
  }
}

function parseOrExplain(text: string) {
  try {
    return parseQuery(text);
  } catch (error) {
    if (error instanceof AppError && error.code === 'query_syntax') {
      const column = error.details[0]?.column;
      // The message already names the column; the caret shows it.
      throw new AppError('query_syntax', `${error.message}\n  ${text}\n  ${' '.repeat(Math.max(0, (column ?? 1) - 1))}^`, error.details);
    }
    throw error;
  }
}

/** `vigie query check|test|match`: the listening query language from the command line. */
export function registerQuery(query: Command): void {
  query
    .command('check <query>')
    .description('parse a query: prints its normalised form, or the error and its column (exit 2)')
    .action((text: string) => {
      const ast = parseOrExplain(text);
      io().stdout.write(`${normalizeQuery(ast)}\n`);
      for (const w of lintQuery(ast)) io().stderr.write(`warning${w.column ? ` (column ${w.column})` : ''}: ${w.message}\n`);
    });

  query
    .command('test <query>')
    .description('read JSONL posts on stdin, print the ids of those that match')
    .action(async (text: string) => {
      const ast = parseOrExplain(text);
      for await (const post of readPosts()) if (evaluateQuery(ast, post.doc)) io().stdout.write(`${post.id}\n`);
    });

  query
    .command('match')
    .description('batch percolator: JSONL posts on stdin → {"id","queries":[…]} per line')
    .requiredOption('--queries <file>', 'JSON array of {"id","query"}')
    .option('--stats', 'print posts per second and compile time on stderr')
    .action(async (options: { queries: string; stats?: boolean }) => {
      const list = JSON.parse(readFileSync(options.queries, 'utf8')) as unknown;
      if (!Array.isArray(list)) throw new AppError('validation_failed', `${options.queries}: expected a JSON array of {"id","query"}`);
      const started = performance.now();
      const matcher = createQueryMatcher();
      list.forEach((entry: { id?: unknown; query?: unknown }, index) => {
        if (typeof entry?.query !== 'string' || (typeof entry.id !== 'string' && typeof entry.id !== 'number')) {
          throw new AppError('validation_failed', `${options.queries}: item ${index} needs an "id" and a "query" string`, [{ field: `${index}`, message: 'expected {"id","query"}' }]);
        }
        try {
          matcher.set(String(entry.id), entry.query);
        } catch (error) {
          if (error instanceof AppError) throw new AppError(error.code, `query "${String(entry.id)}": ${error.message}`, error.details);
          throw error;
        }
      });
      const compileMs = performance.now() - started;
      const matchStarted = performance.now();
      let posts = 0;
      const out: string[] = [];
      for await (const post of readPosts()) {
        posts += 1;
        out.push(JSON.stringify({ id: post.id, queries: matcher.match(post.doc) }));
        if (out.length >= 1000) io().stdout.write(`${out.splice(0).join('\n')}\n`);
      }
      if (out.length > 0) io().stdout.write(`${out.join('\n')}\n`);
      if (options.stats) {
        const seconds = (performance.now() - matchStarted) / 1000;
        io().stderr.write(`${list.length} queries compiled in ${compileMs.toFixed(0)} ms; ${posts} posts in ${seconds.toFixed(2)} s = ${Math.round(posts / Math.max(seconds, 1e-9))} posts/s\n`);
      }
    });
}
