/** Aggressiveness and toxicity (French, English): label, score and reasons. */
export * from './detect-aggressiveness';
export * from './aggressive-analyzer';
export { deobfuscate, type Deobfuscated } from './deobfuscate';
export { lexiconKey, type LexiconCategory, type LexiconEntry } from './lexicon';
