// The only reader of process.env (DESIGN.md rule 8). Everything is validated once, at start,
// and a bad variable stops the process with a message that names it.
import path from 'node:path';
import { parse as parseConnectionString } from 'pg-connection-string';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  dataDir: string;
  /** null → run the bundled PostgreSQL under dataDir. */
  databaseUrl: string | null;
  logLevel: LogLevel;
  /** Set the Secure flag on cookies; on by default in production. */
  cookieSecure: boolean;
  sessionTtlHours: number;
  otpTtlSeconds: number;
  /** Run the job runner inside `serve` (default) or leave it to `redress worker` processes. */
  inProcessWorker: boolean;
  /** Password for the demo accounts the seed creates; generated (and printed once) when unset. */
  demoPassword: string | null;
  loginRateLimitPerMinute: number;
  bodyLimitBytes: number;
  webDir: string;
  trustProxy: boolean;
  /** Content-addressed evidence files; outside the web root. */
  evidenceDir: string;
  /** Complaints one person may file per hour (abuse limit). */
  filingLimitPerHour: number;
  /** Complaints one client address may file per hour. */
  filingLimitPerIpPerHour: number;
  /** Where people reach this server; links in SMS and email start with it. */
  publicUrl: string;
  /** smtp(s)://user:pass@host:port; null → emails are written to the log (not in production). */
  smtpUrl: string | null;
  mailFrom: string;
  /** log: the development adapter; tencent: Tencent Cloud SMS; none: no SMS. */
  smsProvider: 'log' | 'tencent' | 'none';
  tencentSms: {
    secretId: string;
    secretKey: string;
    sdkAppId: string;
    signName: string;
    region: string;
    /** node → { templateId, params: variable names in order } */
    templates: Record<string, { templateId: string; params: string[] }>;
  } | null;
  /** WeChat subscription messages; null when not set up. */
  wechat: {
    appId: string;
    appSecret: string;
    /** node → { templateId, fields: { wechatKey: variableName } } */
    templates: Record<string, { templateId: string; fields: Record<string, string> }>;
  } | null;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function int(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name}=${JSON.stringify(raw)}: expected an integer from ${min} to ${max}`);
    return fallback;
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean, problems: string[]) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  problems.push(`${name}=${JSON.stringify(raw)}: expected true or false`);
  return fallback;
}

function oneOf<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name}=${JSON.stringify(raw)}: expected one of ${allowed.join(', ')}`);
  return fallback;
}

const PROJECT_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const nodeEnv = oneOf(
    env,
    'NODE_ENV',
    ['development', 'production', 'test'],
    'development',
    problems,
  );

  const databaseUrl: string | null = env.DATABASE_URL?.trim() || null;
  if (databaseUrl) {
    // pg's own parser, so every form node-postgres accepts works here, including the host-less
    // Unix-socket form postgresql://user:pass@/db?host=/var/run/postgresql.
    if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) {
      problems.push('DATABASE_URL: expected a postgres:// or postgresql:// URL');
    } else {
      try {
        const parsed = parseConnectionString(databaseUrl);
        if (!parsed.host) problems.push('DATABASE_URL: names no host or socket directory');
      } catch {
        problems.push(
          'DATABASE_URL: not a valid URL (expected postgres://user:password@host:port/db)',
        );
      }
    }
  }

  const demoPassword = env.REDRESS_DEMO_PASSWORD || null;
  if (demoPassword !== null && demoPassword.length < 10) {
    problems.push('REDRESS_DEMO_PASSWORD: must be at least 10 characters');
  }

  const host = env.HOST || '0.0.0.0';
  const port = int(env, 'PORT', 3000, 0, 65535, problems);
  const publicUrl = (env.REDRESS_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(publicUrl)) {
    problems.push('REDRESS_PUBLIC_URL: expected an http:// or https:// URL');
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    problems.push('SMTP_URL: expected smtp://user:password@host:port or smtps://…');
  }
  const jsonMap = <T>(name: string): T | null => {
    const raw = env[name];
    if (!raw) return null;
    try {
      const v = JSON.parse(raw) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as T;
    } catch {
      // reported below
    }
    problems.push(`${name}: expected a JSON object`);
    return null;
  };
  const smsProvider = oneOf(
    env,
    'SMS_PROVIDER',
    ['log', 'tencent', 'none'],
    nodeEnv === 'production' ? 'none' : 'log',
    problems,
  );
  if (smsProvider === 'log' && nodeEnv === 'production') {
    // The log adapter writes whole texts, login codes included: development only.
    problems.push('SMS_PROVIDER=log: not allowed in production (use tencent or none)');
  }
  let tencentSms: Config['tencentSms'] = null;
  if (smsProvider === 'tencent') {
    const need = [
      'TENCENT_SECRET_ID',
      'TENCENT_SECRET_KEY',
      'TENCENT_SMS_APP_ID',
      'TENCENT_SMS_SIGN',
    ];
    for (const n of need) if (!env[n]) problems.push(`${n}: required when SMS_PROVIDER=tencent`);
    tencentSms = {
      secretId: env.TENCENT_SECRET_ID ?? '',
      secretKey: env.TENCENT_SECRET_KEY ?? '',
      sdkAppId: env.TENCENT_SMS_APP_ID ?? '',
      signName: env.TENCENT_SMS_SIGN ?? '',
      region: env.TENCENT_SMS_REGION || 'ap-guangzhou',
      templates:
        jsonMap<NonNullable<Config['tencentSms']>['templates']>('TENCENT_SMS_TEMPLATES') ?? {},
    };
  }
  let wechat: Config['wechat'] = null;
  if (env.WECHAT_APP_ID || env.WECHAT_APP_SECRET) {
    if (!env.WECHAT_APP_ID || !env.WECHAT_APP_SECRET) {
      problems.push('WECHAT_APP_ID and WECHAT_APP_SECRET: set both or neither');
    }
    wechat = {
      appId: env.WECHAT_APP_ID ?? '',
      appSecret: env.WECHAT_APP_SECRET ?? '',
      templates: jsonMap<NonNullable<Config['wechat']>['templates']>('WECHAT_TEMPLATES') ?? {},
    };
  }
  const dataDir = path.resolve(env.REDRESS_DATA_DIR || path.join(process.cwd(), 'data'));
  const config: Config = {
    nodeEnv,
    port,
    host,
    dataDir,
    databaseUrl,
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      nodeEnv === 'test' ? 'silent' : 'info',
      problems,
    ),
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production', problems),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90, problems),
    otpTtlSeconds: int(env, 'OTP_TTL_SECONDS', 300, 60, 3600, problems),
    inProcessWorker: bool(env, 'REDRESS_IN_PROCESS_WORKER', true, problems),
    demoPassword,
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1, 10000, problems),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024, problems),
    webDir: path.resolve(env.REDRESS_WEB_DIR || path.join(PROJECT_ROOT, 'dist', 'web')),
    trustProxy: bool(env, 'TRUST_PROXY', false, problems),
    evidenceDir: path.resolve(env.REDRESS_EVIDENCE_DIR || path.join(dataDir, 'evidence')),
    filingLimitPerHour: int(env, 'FILING_LIMIT_PER_HOUR', 5, 1, 10000, problems),
    filingLimitPerIpPerHour: int(env, 'FILING_LIMIT_PER_IP_PER_HOUR', 30, 1, 100000, problems),
    publicUrl,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Redress <no-reply@redress.local>',
    smsProvider,
    tencentSms,
    wechat,
    ...overrides,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
