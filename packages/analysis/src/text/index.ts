/**
 * Shared French/English text tools used by every analyzer: folding, tokenising, stop words,
 * light stemming, syllable counting and a cheap fr/en guess.
 */
export * from './fold';
export * from './tokenize';
export * from './stop-words';
export * from './stem';
export * from './syllables';
export * from './guess-lang';
