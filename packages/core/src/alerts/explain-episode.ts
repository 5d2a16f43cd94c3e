/**
 * The explanation of an episode, built for a ten-second read: a headline (kind, scope, since
 * when), then what changed, the sentiment shift, the top terms and the post that spreads most,
 * in French and English; and the figures behind it (top posts, authors, sparkline) for the UI.
 */
import type { AlertPoint, LocalizedText } from './alert-point';
import { rootOf } from './detectors/detect-fast-spread';
import { termLift } from './detectors/detect-rising-term';
import type { Signal } from './detectors/signal';
import type { EpisodeExplanation, EpisodeKind, SentimentShares } from './episode';
import { termsOf } from './scope-memory';
import { MINUTE_MS } from './time-buckets';

export interface ExplainInput {
  kind: EpisodeKind;
  scopeName: string;
  startedAtMs: number;
  now: number;
  timeZone: string;
  /** The scope's points since the onset. */
  during: readonly AlertPoint[];
  /** Earlier points of the scope (the last day), where a spreading post may have been published just before the onset. */
  earlier?: readonly AlertPoint[];
  usual: SentimentShares;
  termHistory: { terms: ReadonlyMap<string, number>; total: number };
  /** Terms that name the scope itself, left out of top terms. */
  ignoreTerms?: ReadonlySet<string>;
  signals: readonly Signal[];
  /** 5-minute counts from one hour before the onset to now. */
  fiveMinuteCounts: number[];
}

function shares(points: readonly AlertPoint[]): SentimentShares {
  const n = Math.max(1, points.length);
  const count = (label: AlertPoint['sentiment']) => points.filter((p) => p.sentiment === label).length / n;
  return { negative: count('negative'), neutral: count('neutral'), positive: count('positive') };
}

function rebin(values: number[], max: number): { values: number[]; factor: number } {
  const factor = Math.max(1, Math.ceil(values.length / max));
  const out: number[] = [];
  for (let i = 0; i < values.length; i += factor) out.push(values.slice(i, i + factor).reduce((a, b) => a + b, 0));
  return { values: out, factor };
}

function clockText(ms: number, timeZone: string, locale: 'fr-FR' | 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}

/**
 * @example
 * explainEpisode({ kind: 'crisis', scopeName: 'Velotys Ondine', startedAtMs, now, timeZone: 'Europe/Paris', during, usual, termHistory, signals, fiveMinuteCounts })
 *   .headline.fr; // 'Crise sur « Velotys Ondine » depuis mar. 17 nov., 08:40'
 */
export function explainEpisode(input: ExplainInput): EpisodeExplanation {
  const { during } = input;
  const termCounts = new Map<string, number>();
  const authors = new Map<string, { mentions: number; reach: number }>();
  const spread = new Map<string, number>();
  for (const point of during) {
    for (const term of termsOf(point)) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
    const author = authors.get(point.authorHandle) ?? { mentions: 0, reach: 0 };
    author.mentions += 1;
    author.reach = Math.max(author.reach, point.reach);
    authors.set(point.authorHandle, author);
    const root = rootOf(point);
    if (root) spread.set(root, (spread.get(root) ?? 0) + 1);
  }
  const topTerms = [...termCounts]
    .filter(([term, count]) => count >= 3 && !input.ignoreTerms?.has(term))
    .map(([term, count]) => ({ term, count, score: count * Math.log(1 + termLift(count, during.length, input.termHistory.terms.get(term) ?? 0, input.termHistory.total)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map(({ term, count }) => ({ term, count }));
  const byId = new Map([...(input.earlier ?? []), ...during].map((p) => [p.externalId, p]));
  const topPosts = [...new Set([...spread.keys(), ...during.map((p) => p.externalId)])]
    .map((id) => byId.get(id))
    .filter((p): p is AlertPoint => p !== undefined && !p.repostOf)
    .map((p) => ({ externalId: p.externalId, authorHandle: p.authorHandle, reach: Math.round(p.reach), spread: spread.get(p.externalId) ?? 0, text: p.text?.slice(0, 280) }))
    .sort((a, b) => b.spread - a.spread || b.reach - a.reach)
    .slice(0, 3);
  const topAuthors = [...authors]
    .map(([handle, a]) => ({ handle, mentions: a.mentions, reach: Math.round(a.reach) }))
    .sort((a, b) => b.reach - a.reach || b.mentions - a.mentions)
    .slice(0, 5);
  const duringShares = shares(during);
  const { values: sparkline, factor } = rebin(input.fiveMinuteCounts, 48);
  const changes = uniqueByDetector(input.signals).map((s) => s.summary);
  const pct = (x: number) => Math.round(x * 100);
  const crisis = input.kind === 'crisis';
  const top = topPosts[0] && byId.get(topPosts[0].externalId);
  const terms = topTerms.slice(0, 3).map((t) => t.term).join(', ');
  const headline: LocalizedText = {
    fr: `${crisis ? 'Crise' : 'Buzz'} sur « ${input.scopeName} » depuis ${clockText(input.startedAtMs, input.timeZone, 'fr-FR')}`,
    en: `${crisis ? 'Crisis' : 'Buzz'} on "${input.scopeName}" since ${clockText(input.startedAtMs, input.timeZone, 'en-GB')}`,
  };
  const minutes = Math.max(5, Math.round((input.now - input.startedAtMs) / MINUTE_MS));
  const text: LocalizedText = {
    fr: [
      `${during.length} mentions en ${minutes} min, ${authors.size} auteurs.`,
      `Négatif : ${pct(duringShares.negative)} % (contre ${pct(input.usual.negative)} % d'habitude), positif : ${pct(duringShares.positive)} % (contre ${pct(input.usual.positive)} %).`,
      terms ? `Termes : ${terms}.` : '',
      top && topPosts[0] ? `Post le plus repris : ${top.authorHandle} (${topPosts[0].spread} reprises ou réponses).` : '',
    ].filter(Boolean).join(' '),
    en: [
      `${during.length} mentions in ${minutes} min, ${authors.size} authors.`,
      `Negative: ${pct(duringShares.negative)} % (vs ${pct(input.usual.negative)} % usually), positive: ${pct(duringShares.positive)} % (vs ${pct(input.usual.positive)} %).`,
      terms ? `Terms: ${terms}.` : '',
      top && topPosts[0] ? `Most spread post: ${top.authorHandle} (${topPosts[0].spread} reposts or replies).` : '',
    ].filter(Boolean).join(' '),
  };
  return {
    headline,
    text,
    since: new Date(input.startedAtMs).toISOString(),
    changes,
    topTerms,
    topPosts,
    topAuthors,
    sentiment: { before: input.usual, during: duringShares },
    sparkline,
    sparklineStepMin: 5 * factor,
    volume: { mentions: during.length, authors: authors.size, reach: Math.round(during.reduce((sum, p) => sum + p.reach, 0)) },
  };
}

function uniqueByDetector(signals: readonly Signal[]): Signal[] {
  const strongest = new Map<string, Signal>();
  for (const signal of signals) {
    const current = strongest.get(signal.detector);
    if (!current || signal.strength > current.strength) strongest.set(signal.detector, signal);
  }
  return [...strongest.values()];
}
