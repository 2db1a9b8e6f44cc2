import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; request logs carry the request id (`reqId`). */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { app: 'chorus', pid: process.pid, ...base },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
