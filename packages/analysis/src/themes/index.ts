/** Themes: key terms and phrases per topic and period, and terms rising against a baseline. */
export * from './count-terms';
export * from './extract-key-terms';
export * from './rising-terms';
