export * from './inbox-entry';
export * from './business-hours';
export * from './sla-policy';
export * from './triage-conversation';
export * from './focus-queue';
export * from './inbox-status';
export * from './inbox-repositories';
