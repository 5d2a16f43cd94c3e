/** Near-duplicates and spread: MinHash + LSH clusters of reposts, quotes and campaigns. */
export * from './near-duplicate-index';
export { dedupeWords, minhashSignature, overlap, shingleHashes } from './minhash';
