/** "Should we respond?": action, reasons and priority for an incoming message. */
export * from './recommend-response';
export * from './respond-messages';
export * from './score-priority';
export * from './evaluate-respond';
