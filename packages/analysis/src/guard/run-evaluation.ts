/**
 * Prints precision and recall of the reply guard and of the "should we respond?" recommendation
 * on the labelled sets, development and held-out parts apart, in English or French.
 * Usage: npx tsx packages/analysis/src/guard/run-evaluation.ts [en|fr]. A script, not exported by
 * the package: it reads the sets from disk.
 */
import { readFileSync } from 'node:fs';
import { formatEvaluation } from '../evaluate';
import { evaluateRespondSet } from '../respond/evaluate-respond';
import { evaluateGuardSet } from './evaluate-guard';

const locale = process.argv[2] === 'fr' ? 'fr' : 'en';
for (const kind of ['guard', 'respond'] as const) {
  for (const lang of ['fr', 'en'] as const) {
    const content = readFileSync(new URL(`../../eval/${kind}/${lang}.tsv`, import.meta.url), 'utf8');
    const result = kind === 'guard' ? evaluateGuardSet(content, lang) : evaluateRespondSet(content, lang);
    console.log(`\n## ${kind} ${lang} — dev\n${formatEvaluation(result.dev, locale)}`);
    console.log(`\n## ${kind} ${lang} — held-out (all rounds)\n${formatEvaluation(result.heldOut, locale)}`);
    for (const section of result.sections.filter((s) => s.split === 'heldOut')) {
      console.log(`\n### ${kind} ${lang} — ${section.title}\n${formatEvaluation(section.evaluation, locale)}`);
    }
    for (const miss of result.mistakes) console.log(`  line ${miss.line}: expected ${miss.expected}, got ${miss.predicted} (${miss.codes.join(', ') || '—'})`);
  }
}
