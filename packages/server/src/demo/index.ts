/**
 * The demo workspace: a fictional French e-bike brand (Velotys), its topics, a deterministic month
 * of mentions with one crisis and one buzz, and a replay that keeps the stream moving.
 */
export { DEMO_BRAND, DEMO_TOPICS, DEMO_WORKSPACE, type DemoCompany, type DemoProduct } from './demo-workspace';
export { generateDemoMentions, type DemoDataSet, type DemoEpisode, type GenerateDemoOptions } from './generate-demo';
export { createDemoReplay, type DemoReplay, type DemoReplayOptions } from './demo-replay';
export type { DemoRaw } from './to-mention-inputs';
