/** The reply guard: checks a draft before it leaves (tone, readability, relevance, length, personal data, promises). */
export * from './check-draft';
export * from './guard-messages';
export * from './network-limits';
export * from './personal-data';
export * from './risky-promises';
export * from './measure-figures';
export * from './measure-relevance';
export * from './check-tone';
export * from './find-phrase';
export * from './evaluate-guard';
