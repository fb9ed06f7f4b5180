import pino, { type LoggerOptions } from 'pino';
import type { LogLevel } from '../config.js';
import { maskPiiDeep, maskPiiInText } from './masking.js';

/** Keys whose values are secrets: never logged, whatever their shape. */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'code',
  '*.code',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'csrfToken',
  '*.csrfToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

export function loggerOptions(level: LogLevel, pretty = false): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      // Personal data in messages and merged objects is masked before it reaches any transport.
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPiiInText(a) : maskPiiDeep(a)));
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
    serializers: {
      req(req: { method?: string; url?: string; id?: string; ip?: string }) {
        return { id: req.id, method: req.method, url: req.url ? maskPiiInText(req.url) : req.url };
      },
      err: (e: Error) => maskPiiDeep(pino.stdSerializers.err(e)),
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
}

export function createLogger(level: LogLevel) {
  return pino(loggerOptions(level));
}
export type Logger = pino.Logger;
