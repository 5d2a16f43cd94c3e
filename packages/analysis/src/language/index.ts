/** Language identification for short posts. */
export * from './language-analyzer';
export { CORE_LANGUAGES } from './function-words';
