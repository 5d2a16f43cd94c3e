import pino from 'pino';

/**
 * Structured logs (pino). Secrets never reach them: presenters keep them out and these paths are
 * redacted as a second guard. CLI commands log to stderr so their stdout stays machine-readable.
 */
export function createLogger(level: string, options: { stderr?: boolean } = {}) {
  return pino(
    {
      level,
      redact: { paths: ['*.password', '*.token', '*.secret', '*.authorization', 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    },
    pino.destination(options.stderr ? 2 : 1),
  );
}

export type Logger = ReturnType<typeof createLogger>;
