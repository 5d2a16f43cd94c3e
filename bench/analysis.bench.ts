/**
 * Analysis throughput: posts per second through the whole pipeline (language, sentiment and every
 * other analyzer) and through sentiment alone, on the same generated posts in the same run, plus
 * the heap the loaded analyzers hold. Standalone: `npx tsx bench/analysis.bench.ts`.
 */
import type { AnalyzerInput } from '@vigie/core';
import type { BenchResult } from './bench-result';

const OPENINGS = [
  "J'adore la nouvelle appli", "Franchement c'est pas terrible", 'Merci pour votre réponse rapide', 'Encore une panne ce matin',
  'Quelqu’un sait quand la livraison arrive', 'Thanks for the quick reply', 'not bad at all', 'This update broke my phone again',
  'Where can I buy it', 'Great event last night', 'Gracias por la respuesta', 'Danke für die schnelle Antwort',
];
const ENDINGS = [' 😍', ' !!!', ' ?', ' @user', ' #service', ' https://t.co/abc', ' :(', ' 👍', '', ' ... vraiment', ' so disappointed', ' 😡'];

/** Tweet-like posts built from fixed parts, so every run measures the same inputs. */
function samplePosts(count: number): AnalyzerInput[] {
  return Array.from({ length: count }, (_, i) => ({
    text: `${OPENINGS[i % OPENINGS.length]}${ENDINGS[(i * 7) % ENDINGS.length]} ${i % 5 === 0 ? 'et le service client aussi' : ''}`.trim(),
  }));
}

/**
 * Posts per second of CPU time (user + system of this process): the machine is shared, so wall
 * time would measure the neighbours; CPU time is what one core would give to this work alone.
 */
function postsPerSecond(analyze: (input: AnalyzerInput) => unknown, posts: AnalyzerInput[], rounds: number): number {
  for (const post of posts.slice(0, 500)) analyze(post); // warm-up for the JIT
  const started = process.cpuUsage();
  for (let r = 0; r < rounds; r += 1) for (const post of posts) analyze(post);
  const used = process.cpuUsage(started);
  return (posts.length * rounds) / ((used.user + used.system) / 1e6);
}

export async function run(): Promise<BenchResult[]> {
  // Imported here, not at the top, so that the heap figure includes the language database and lexicons.
  const heapBefore = process.memoryUsage().heapUsed;
  const { createAnalysisPipeline, createSentimentAnalyzer, loadSentimentModels } = await import('@vigie/analysis');
  const models = loadSentimentModels();
  const pipeline = createAnalysisPipeline({ sentiment: { models } });
  const sentiment = createSentimentAnalyzer({ models });
  const memory = process.memoryUsage();
  const posts = samplePosts(2000);
  const sentimentRate = postsPerSecond((p) => sentiment.analyze({ ...p, lang: p.text.includes('the') ? 'en' : 'fr' }), posts, 5);
  const pipelineRate = postsPerSecond((p) => pipeline.analyze(p), posts, 5);
  const longPost = { text: 'Très déçu du service. '.repeat(50_000) };
  const longStarted = process.cpuUsage();
  pipeline.analyze(longPost);
  const longUsed = process.cpuUsage(longStarted);
  const longMs = (longUsed.user + longUsed.system) / 1000;
  return [
    { name: 'analysis: whole pipeline', value: pipelineRate, unit: 'posts/cpu-s', ratio: { against: 'sentiment alone', value: pipelineRate / sentimentRate } },
    { name: 'analysis: sentiment alone (language given)', value: sentimentRate, unit: 'posts/cpu-s' },
    { name: 'analysis: one 1.1 MB post (capped)', value: longMs, unit: 'cpu-ms' },
    { name: 'analysis: heap added by loading the analyzers', value: (memory.heapUsed - heapBefore) / 1e6, unit: 'MB' },
    { name: 'analysis: process heap used after loading (upper bound)', value: memory.heapUsed / 1e6, unit: 'MB' },
    { name: 'analysis: process resident memory after loading', value: memory.rss / 1e6, unit: 'MB' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await run()) {
    const ratio = result.ratio ? `  (${result.ratio.value.toFixed(2)}× ${result.ratio.against})` : '';
    console.log(`${result.name.padEnd(66)} ${result.value.toFixed(result.value >= 100 ? 0 : 2).padStart(10)} ${result.unit}${ratio}`);
  }
}
