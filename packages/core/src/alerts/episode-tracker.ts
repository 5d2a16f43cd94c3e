/**
 * The life of one rule's episodes on one scope: signals in, at most one event out per evaluation.
 * - no episode: signals wait an hour in `pending`; a volume signal, or two different detectors
 *   within the hour, open one (or reopen the last one when it closed within the rule's cooldown);
 * - open: new signals join it; an `updated` event goes out only for news (a new detector, a
 *   change of kind, the volume doubled, a flare-up while calming);
 * - calming after an hour without signal and a volume back near normal; closed after 3 h calm.
 */
import { scopeKey, type AlertScope } from './alert-point';
import type { AlertRule } from './alert-rule';
import { VOLUME_DETECTORS, type DetectorKind, type Signal } from './detectors/signal';
import type { Episode, EpisodeEvent, EpisodeExplanation, EpisodeKind } from './episode';
import { HOUR_MS, MINUTE_MS } from './time-buckets';

/** No signal for this long, and the volume back near normal: the episode is calming. */
export const CALM_AFTER_MS = 60 * MINUTE_MS;
/** Calm for this long: the episode is closed. */
export const CLOSE_AFTER_MS = 3 * HOUR_MS;

/** What the tracker asks of the engine about a scope. */
export interface EpisodeContext {
  classify(scope: AlertScope, startedMs: number, signals: readonly Signal[], now: number): EpisodeKind;
  explain(scope: AlertScope, kind: EpisodeKind, startedMs: number, signals: readonly Signal[], now: number): EpisodeExplanation;
  /** Mentions in the last hour and the baseline's expectation for it. */
  hourVolume(scope: AlertScope, now: number): { observed: number; expected: number };
}

export interface EpisodeTrack {
  episode?: Episode;
  pending: Signal[];
  lastSignalMs: number;
  lastClosed?: Episode;
  /** Volume and detectors at the last event, to tell news from noise. */
  notifiedMentions: number;
  notifiedDetectors: Set<DetectorKind>;
}

/** @example const track = createTrack(); */
export function createTrack(): EpisodeTrack {
  return { pending: [], lastSignalMs: 0, notifiedMentions: 0, notifiedDetectors: new Set() };
}

/** The rule's id (rules from the database always have one; the name stands in for tests and files). */
export function ruleIdOf(rule: Pick<AlertRule, 'id' | 'name'>): string {
  return rule.id ?? rule.name;
}

function open(rule: AlertRule, track: EpisodeTrack, signals: Signal[], now: number, ctx: EpisodeContext): EpisodeEvent | undefined {
  track.pending.push(...signals);
  const kinds = new Set(track.pending.map((s) => s.detector));
  if (!signals.some((s) => VOLUME_DETECTORS.includes(s.detector)) && kinds.size < 2) return undefined;
  const at = new Date(now).toISOString();
  // The volume detector's onset is the most precise; then a spreading post's publication.
  const preferred = ['volume_spike', 'fast_spread', 'negative_surge'].map((d) => track.pending.find((s) => s.detector === d)).find(Boolean) ?? track.pending[0];
  const since = Math.max(now - 3 * HOUR_MS, Date.parse(preferred?.since ?? at));
  const closed = track.lastClosed;
  const reopen = closed !== undefined && now - Date.parse(closed.closedAt ?? at) <= rule.cooldownMinutes * MINUTE_MS;
  const startedMs = reopen ? Date.parse(closed.startedAt) : since;
  const allSignals = [...(reopen ? closed.signals : []), ...track.pending].slice(-50);
  const kind = ctx.classify(rule.scope, startedMs, allSignals, now);
  const explanation = ctx.explain(rule.scope, kind, startedMs, allSignals, now);
  const episode: Episode = reopen
    ? { ...closed, kind, status: 'open', closedAt: undefined, calmingAt: undefined, updatedAt: at, revision: closed.revision + 1, signals: allSignals, explanation }
    : {
        id: `${ruleIdOf(rule)}:${scopeKey(rule.scope)}:${new Date(since).toISOString()}`,
        ruleId: ruleIdOf(rule), scope: rule.scope, kind, status: 'open',
        startedAt: new Date(since).toISOString(), detectedAt: at, updatedAt: at,
        peak: { at, mentions: 0 }, revision: 1, signals: allSignals, explanation,
      };
  track.pending = [];
  track.lastClosed = undefined;
  track.episode = episode;
  track.lastSignalMs = now;
  track.notifiedMentions = explanation.volume.mentions;
  track.notifiedDetectors = new Set(allSignals.map((s) => s.detector));
  return { type: reopen ? 'updated' : 'opened', at, episode: structuredClone(episode) };
}

/**
 * One evaluation of one rule on its scope.
 *
 * @example
 * const event = stepEpisode(rule, track, signals, now, ctx); // { type: 'opened', episode } | undefined
 */
export function stepEpisode(rule: AlertRule, track: EpisodeTrack, signals: Signal[], now: number, ctx: EpisodeContext): EpisodeEvent | undefined {
  track.pending = track.pending.filter((s) => Date.parse(s.at) > now - HOUR_MS);
  const episode = track.episode;
  if (!episode) return signals.length > 0 ? open(rule, track, signals, now, ctx) : undefined;
  const at = new Date(now).toISOString();
  const startedMs = Date.parse(episode.startedAt);
  const volume = ctx.hourVolume(rule.scope, now);
  if (volume.observed > episode.peak.mentions) episode.peak = { at, mentions: volume.observed };
  const refresh = (type: EpisodeEvent['type']): EpisodeEvent => {
    episode.revision += 1;
    episode.updatedAt = at;
    episode.explanation = ctx.explain(rule.scope, episode.kind, startedMs, episode.signals, now);
    return { type, at, episode: structuredClone(episode) };
  };
  if (signals.length > 0) {
    track.lastSignalMs = now;
    episode.signals = [...episode.signals, ...signals].slice(-50);
    const previousKind = episode.kind;
    const wasCalming = episode.status === 'calming';
    episode.kind = ctx.classify(rule.scope, startedMs, episode.signals, now);
    episode.status = 'open';
    episode.calmingAt = undefined;
    const newDetector = signals.some((s) => !track.notifiedDetectors.has(s.detector));
    const explanation = ctx.explain(rule.scope, episode.kind, startedMs, episode.signals, now);
    const doubled = explanation.volume.mentions >= 2 * track.notifiedMentions;
    if (!(wasCalming || newDetector || previousKind !== episode.kind || doubled)) return undefined;
    track.notifiedMentions = explanation.volume.mentions;
    for (const s of signals) track.notifiedDetectors.add(s.detector);
    return refresh('updated');
  }
  if (episode.status === 'open' && now - track.lastSignalMs >= CALM_AFTER_MS && volume.observed <= Math.max(3, 2 * volume.expected)) {
    episode.status = 'calming';
    episode.calmingAt = at;
    return refresh('calming');
  }
  if (episode.status === 'calming' && now - Date.parse(episode.calmingAt ?? at) >= CLOSE_AFTER_MS) {
    episode.status = 'closed';
    episode.closedAt = at;
    track.lastClosed = episode;
    track.episode = undefined;
    return refresh('closed');
  }
  return undefined;
}
