/**
 * @vigie/server — the composition root, the HTTP app, workers and jobs. The CLI starts Vigie
 * through these exports.
 */
export { loadConfig, type Config } from './config';
export { createVigie, type Vigie } from './create-vigie';
export { createApp, type App } from './app';
export { startServer, type StartedServer } from './server';
export { pollSource } from './jobs/poll-source.job';
export { backtestStoredHistory, type AlertBacktestRequest } from './jobs/alert-backtest.job';
export { createLogger, type Logger } from './logger';
export { parseMentionFile, formatOf, type MentionFileFormat, type ParsedLine } from './import/parse-mention-file';
export { analysisTasks, summarizeAnalysis, createAnalysisPipeline, evaluateClassifier, formatEvaluation, parseLabelledTsv, splitLabelledSet } from './analysis-tasks';
export { guardDraft, type GuardView } from './services/conversation-reply-service';
// Local administration from the CLI (vigie setup, tokens, secrets rotate, workspace export, data erase-author).
export { generateToken, hashToken } from './security/opaque-token';
export { issueApiToken } from './security/api-tokens';
export { createFirstOwner } from './services/first-owner';
export { hashPassword } from './security/password';
export { checkPasswordPolicy } from './security/password-policy';
export { normalizeEmail } from './services/identity-common';
export { rotateSecretKey, type RotationReport } from './security/key-rotation';
export { EXPORT_RECORD_TYPES, type ExportRecordType } from './services/data-rights-service';
