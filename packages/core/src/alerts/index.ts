/**
 * Alerting, the parts without I/O: rollups (time series per topic and query), detectors, episodes
 * (grouping, classification, life cycle, explanation), alert rules and the backtest.
 * The server persists rollups, episodes and rules, and delivers notifications (server/src/notify).
 * Reference: docs/alerts.md.
 */
export * from './alert-point';
export * from './time-buckets';
export * from './count-model';
export * from './rollup';
export * from './seasonal-baseline';
export * from './sensitivity';
export * from './extract-terms';
export * from './detectors/signal';
export { detectVolumeSpike, estimateOnset, type VolumeSpikeInput } from './detectors/detect-volume-spike';
export { detectNegativeSurge, type NegativeSurgeInput } from './detectors/detect-negative-surge';
export { detectHighReachAuthor, type HighReachInput } from './detectors/detect-high-reach-author';
export { detectFastSpread, rootOf, type FastSpreadInput } from './detectors/detect-fast-spread';
export { detectRisingTerm, termLift, type RisingTermInput, type TermWindow } from './detectors/detect-rising-term';
export * from './episode';
export { explainEpisode, type ExplainInput } from './explain-episode';
export * from './alert-rule';
export * from './alert-engine';
export * from './run-backtest';
export * from './outbox-store';
export * from './alert-repositories';
