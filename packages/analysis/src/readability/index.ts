/** Readability (Kandel–Moles for French, Flesch for English) and jargon detection. */
export * from './readability';
export * from './jargon';
