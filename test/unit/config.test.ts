import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('runs with an empty environment', () => {
    const c = loadConfig({});
    expect(c.nodeEnv).toBe('development');
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.dataDir).toBe(path.resolve(process.cwd(), 'data'));
    expect(path.isAbsolute(c.dataDir)).toBe(true);
    expect(c.databaseUrl).toBeNull();
    expect(c.logLevel).toBe('info');
    expect(c.cookieSecure).toBe(false);
    expect(c.sessionTtlHours).toBe(12);
    expect(c.otpTtlSeconds).toBe(300);
    expect(c.inProcessWorker).toBe(true);
    expect(c.demoPassword).toBeNull();
    expect(c.loginRateLimitPerMinute).toBe(10);
    expect(c.bodyLimitBytes).toBe(1024 * 1024);
    expect(c.trustProxy).toBe(false);
    expect(c.webDir.endsWith(path.join('dist', 'web'))).toBe(true);
  });

  it('is silent under test and sets Secure cookies in production', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    const prod = loadConfig({ NODE_ENV: 'production' });
    expect(prod.cookieSecure).toBe(true);
    expect(prod.logLevel).toBe('info');
  });
});

describe('loadConfig reads the environment', () => {
  it('takes valid values', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      REDRESS_DATA_DIR: 'var/redress',
      DATABASE_URL: '  postgresql://u:p@db.example:5433/redress  ',
      LOG_LEVEL: 'debug',
      COOKIE_SECURE: 'yes',
      REDRESS_IN_PROCESS_WORKER: 'off',
      REDRESS_DEMO_PASSWORD: 'long-enough-pw',
      TRUST_PROXY: 'TRUE',
    });
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.dataDir).toBe(path.resolve(process.cwd(), 'var/redress'));
    expect(c.databaseUrl).toBe('postgresql://u:p@db.example:5433/redress');
    expect(c.logLevel).toBe('debug');
    expect(c.cookieSecure).toBe(true);
    expect(c.inProcessWorker).toBe(false);
    expect(c.demoPassword).toBe('long-enough-pw');
    expect(c.trustProxy).toBe(true);
  });

  it('accepts postgres:// as well as postgresql:// and the port bounds 0 and 65535', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x' }).databaseUrl).toBe(
      'postgres://localhost/x',
    );
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('accepts a socket directory in the host parameter behind a placeholder host', () => {
    const url = 'postgresql://u:p@localhost/redress?host=%2Fvar%2Frun%2Fpostgresql';
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  // BUG: libpq's Unix-socket form has an empty host (`@/db?host=/dir`), which node-postgres
  // accepts but the WHATWG URL parser used by loadConfig (and openDatabase) rejects.
  it('accepts a host-less Unix-socket DATABASE_URL', () => {
    const url = 'postgresql://u:p@/redress?host=%2Fvar%2Frun%2Fpostgresql&port=5432';
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it('treats empty variables as unset', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '', REDRESS_DEMO_PASSWORD: '' });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeNull();
    expect(c.logLevel).toBe('info');
    expect(c.demoPassword).toBeNull();
  });

  it('lets overrides win over the environment', () => {
    const c = loadConfig({ PORT: '8080' }, { port: 9999, loginRateLimitPerMinute: 1000 });
    expect(c.port).toBe(9999);
    expect(c.loginRateLimitPerMinute).toBe(1000);
  });
});

describe('loadConfig rejects bad values, naming the variable', () => {
  const cases: [string, string, string][] = [
    ['PORT', 'abc', 'PORT="abc": expected an integer from 0 to 65535'],
    ['PORT', '70000', 'PORT="70000": expected an integer from 0 to 65535'],
    ['PORT', '80.5', 'PORT="80.5": expected an integer from 0 to 65535'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL: expected a postgres:// or postgresql:// URL'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL: expected a postgres:// or postgresql:// URL'],
    [
      'DATABASE_URL',
      'postgres://h:notaport/db',
      'DATABASE_URL: not a valid URL (expected postgres://user:password@host:port/db)',
    ],
    ['DATABASE_URL', 'postgres://', 'DATABASE_URL: names no host or socket directory'],
    [
      'LOG_LEVEL',
      'loud',
      'LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent',
    ],
    ['COOKIE_SECURE', 'maybe', 'COOKIE_SECURE="maybe": expected true or false'],
    ['REDRESS_DEMO_PASSWORD', 'short', 'REDRESS_DEMO_PASSWORD: must be at least 10 characters'],
    ['NODE_ENV', 'staging', 'NODE_ENV="staging": expected one of development, production, test'],
    ['SESSION_TTL_HOURS', '0', 'SESSION_TTL_HOURS="0": expected an integer from 1 to 2160'],
    ['OTP_TTL_SECONDS', '30', 'OTP_TTL_SECONDS="30": expected an integer from 60 to 3600'],
  ];

  it.each(cases)('%s=%s', (name, value, problem) => {
    const err = configError({ [name]: value });
    expect(err.name).toBe('ConfigError');
    expect(err.problems).toEqual([problem]);
    expect(err.message).toContain(name);
    expect(err.message).toBe(`Invalid configuration:\n  - ${problem}`);
  });

  it('reports every bad variable at once', () => {
    const err = configError({
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      COOKIE_SECURE: 'maybe',
      REDRESS_DEMO_PASSWORD: 'short',
    });
    expect(err.problems).toHaveLength(5);
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'COOKIE_SECURE', 'REDRESS_DEMO']) {
      expect(err.message).toContain(name);
    }
  });

  it('never echoes secrets from a bad DATABASE_URL or demo password', () => {
    const err = configError({
      DATABASE_URL: 'mysql://admin:Pa55word-XYZ@db/x',
      REDRESS_DEMO_PASSWORD: 'tiny-pw',
    });
    expect(err.message).not.toContain('Pa55word-XYZ');
    expect(err.message).not.toContain('tiny-pw');
  });

  it('still rejects a bad variable when an override supplies the field', () => {
    expect(() => loadConfig({ PORT: 'abc' }, { port: 3000 })).toThrow(ConfigError);
  });
});
