import pino, { type LoggerOptions } from 'pino';
import type { LogLevel } from '../config.js';
import { maskPiiDeep, maskPiiInText } from './masking.js';

/**
 * Header paths redacted by pino itself; every other secret key (password, token, csrfToken,
 * one-time codes …) is redacted at any depth by maskPiiDeep before pino sees the object.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export function loggerOptions(level: LogLevel, pretty = false): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      // Personal data in messages and merged objects is masked before it reaches any transport.
      logMethod(args, method) {
        // An Error logged on its own becomes { err } so the err serialiser (which masks) sees it.
        const first = args[0] as unknown;
        const normalised: unknown[] =
          first instanceof Error
            ? [{ err: first }, ...(args.length > 1 ? args.slice(1) : [first.message])]
            : args;
        const masked = normalised.map((a) =>
          typeof a === 'string' ? maskPiiInText(a) : maskPiiDeep(a),
        );
        return method.apply(this, masked as Parameters<typeof method>);
      },
    },
    serializers: {
      req(req: { method?: string; url?: string; id?: string; ip?: string }) {
        return { id: req.id, method: req.method, url: req.url ? maskPiiInText(req.url) : req.url };
      },
      err: (e: unknown) =>
        e instanceof Error ? maskPiiDeep({ ...pino.stdSerializers.err(e) }) : maskPiiDeep(e),
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
