// Builds the real app on a fresh test database, with demo data and a code-capturing OTP sender.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { seedDemoData } from '../../src/server/db/seed/index.js';
import { systemClock, type Clock } from '../../src/server/lib/clock.js';
import { createLogger } from '../../src/server/lib/logger.js';
import { MemoryOtpSender } from '../../src/modules/accounts/index.js';
import type { Channels } from '../../src/modules/notifications/index.js';
import type { Role } from '../../src/shared/roles.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const DEMO_PASSWORD = 'demo-password-123';

export const DEMO_LOGINS: Record<Exclude<Role, 'complainant'>, string> = {
  admin: 'admin@demo.redress.local',
  supervisor: 'supervisor@demo.redress.local',
  expert: 'expert@demo.redress.local',
  agent: 'agent@demo.redress.local',
  merchant: 'merchant@demo.redress.local',
};
export const DEMO_PHONE = '13800138000';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  otp: MemoryOtpSender;
  config: Config;
  close(): Promise<void>;
}

export async function buildTestApp(
  opts: { clock?: Clock; config?: Partial<Config>; seed?: boolean; channels?: Channels } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = opts.clock ?? systemClock;
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-evidence-'));
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    { loginRateLimitPerMinute: 1000, evidenceDir, ...opts.config },
  );
  if (opts.seed !== false) {
    await seedDemoData({
      db: database.db,
      pool: database.pool,
      logger: createLogger('silent'),
      clock,
      password: DEMO_PASSWORD,
    });
  }
  const otp = new MemoryOtpSender();
  // Unless a test brings its own providers, nothing leaves the process (no log adapters either).
  const channels = opts.channels ?? { sms: null, email: null, wechat: null };
  const app = await buildApp({ config, database, clock, otpSender: otp, channels });
  return {
    app,
    database,
    otp,
    config,
    async close() {
      await app.close();
      await database.drop();
      fs.rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

export interface AuthedClient {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'redress_session');
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return `redress_session=${c.value}`;
}

export async function loginAs(app: FastifyInstance, role: Role): Promise<AuthedClient> {
  if (role === 'complainant') {
    throw new Error('use loginComplainant for complainants');
  }
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: DEMO_LOGINS[role], password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.body}`);
  const cookie = sessionCookie(res);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export async function loginComplainant(t: TestApp, target = DEMO_PHONE): Promise<AuthedClient> {
  const req = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/otp/request',
    payload: { target },
  });
  if (req.statusCode !== 200) throw new Error(`otp request failed: ${req.body}`);
  const code = t.otp.last(
    target.replace(/\D/g, '').length === 11 ? target.replace(/\D/g, '') : target.toLowerCase(),
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/otp/verify',
    payload: { target, code },
  });
  if (res.statusCode !== 200) throw new Error(`otp verify failed: ${res.body}`);
  const cookie = sessionCookie(res);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
