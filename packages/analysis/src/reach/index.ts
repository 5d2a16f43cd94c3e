/** Reach and author influence from followers and engagement. */
export * from './estimate-reach';
export * from './reach-analyzer';
