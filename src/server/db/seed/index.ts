// Demo data, loaded once on first start (and again on demand by `redress seed`, which only adds
// what is missing): the default catalogue and one account per role.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type pg from 'pg';
import {
  createUser,
  findMerchantByName,
  findUserByEmail,
  insertMerchant,
} from '../../../modules/accounts/index.js';
import { seedAssistant } from '../../../modules/assistant/index.js';
import { fillSeedKeywords, insertCatalogIfMissing } from '../../../modules/catalog/index.js';
import type { StaffRole } from '../../../shared/roles.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { Db } from '../client.js';
import { meta } from '../schema.js';
import { seedCaseDemo } from './case-demo.js';
import { DEFAULT_CATALOG } from './default-catalog.js';

export const DEMO_MERCHANT = '演示商城旗舰店';
export const DEMO_COMPLAINANT = {
  name: '张三',
  phone: '13800138000',
  email: 'user@demo.redress.local',
};
export const DEMO_STAFF: { role: StaffRole; name: string; email: string }[] = [
  { role: 'admin', name: '系统管理员', email: 'admin@demo.redress.local' },
  { role: 'supervisor', name: '王主管', email: 'supervisor@demo.redress.local' },
  { role: 'expert', name: '李专家', email: 'expert@demo.redress.local' },
  { role: 'agent', name: '赵客服', email: 'agent@demo.redress.local' },
  { role: 'merchant', name: '演示商户', email: 'merchant@demo.redress.local' },
];

const SEED_KEY = 'demo_seeded_at';

export interface SeedResult {
  /** False when demo data was already loaded and `force` was not given. */
  ran: boolean;
  accountsCreated: { role: string; login: string }[];
  catalogEntriesAdded: number;
  /** Set only when at least one staff account was created with it. */
  password: string | null;
}

export async function seedDemoData(opts: {
  db: Db;
  pool: pg.Pool;
  logger: Logger;
  clock: Clock;
  password: string | null;
  force?: boolean;
}): Promise<SeedResult> {
  const client = await opts.pool.connect();
  try {
    // Several processes may start at once on a new database: one seeds, the others wait and skip.
    await client.query('SELECT pg_advisory_lock(7406002)');
    // Runs on every start, before the "already seeded" check: databases seeded before problem
    // types had keywords get the shipped ones (types an admin has saved are left alone).
    const keywordsFilled = await fillSeedKeywords(opts.db, DEFAULT_CATALOG);
    if (keywordsFilled > 0) opts.logger.info({ keywordsFilled }, 'catalogue keywords filled');
    // The assistant's demo knowledge base, once per database (older databases get it too).
    const assistant = await seedAssistant(opts.db, opts.clock.now());
    if (assistant) opts.logger.info(assistant, 'assistant knowledge base loaded');
    const [done] = await opts.db.select().from(meta).where(eq(meta.key, SEED_KEY));
    if (done && !opts.force)
      return { ran: false, accountsCreated: [], catalogEntriesAdded: 0, password: null };

    const catalogEntriesAdded = await insertCatalogIfMissing(opts.db, DEFAULT_CATALOG);
    const password = opts.password ?? `demo-${randomBytes(9).toString('base64url')}`;
    const deps = { db: opts.db, clock: opts.clock };
    const merchant =
      (await findMerchantByName(opts.db, DEMO_MERCHANT)) ??
      (await insertMerchant(opts.db, DEMO_MERCHANT));

    const accountsCreated: SeedResult['accountsCreated'] = [];
    for (const s of DEMO_STAFF) {
      if (await findUserByEmail(opts.db, s.email)) continue;
      await createUser(
        { ...s, password, merchantId: s.role === 'merchant' ? merchant.id : null },
        deps,
      );
      accountsCreated.push({ role: s.role, login: s.email });
    }
    await seedCaseDemo(opts.db, { merchantId: merchant.id });
    if (!(await findUserByEmail(opts.db, DEMO_COMPLAINANT.email))) {
      await createUser({ role: 'complainant', ...DEMO_COMPLAINANT }, deps);
      accountsCreated.push({ role: 'complainant', login: DEMO_COMPLAINANT.phone });
    }
    await opts.db
      .insert(meta)
      .values({ key: SEED_KEY, value: opts.clock.now().toISOString() })
      .onConflictDoUpdate({ target: meta.key, set: { value: opts.clock.now().toISOString() } });
    const staffCreated = accountsCreated.some((a) => a.role !== 'complainant');
    opts.logger.info({ accounts: accountsCreated.length, catalogEntriesAdded }, 'demo data loaded');
    return {
      ran: true,
      accountsCreated,
      catalogEntriesAdded,
      password: staffCreated ? password : null,
    };
  } finally {
    await client.query('SELECT pg_advisory_unlock(7406002)').catch(() => undefined);
    client.release();
  }
}

/** The demo accounts a seed run created, for a person to read; '' when it created none. */
export function formatCredentials(result: SeedResult): string {
  if (!result.password) return '';
  return [
    'Demo accounts (演示账号):',
    ...result.accountsCreated
      .filter((a) => a.role !== 'complainant')
      .map((a) => `  ${a.role.padEnd(11)} ${a.login}  /  ${result.password}`),
    `  complainant ${DEMO_COMPLAINANT.phone} — log in at /login with a one-time code (development: the code is in the server log)`,
    'Change these passwords before real use.',
  ].join('\n');
}

/** Keeps the credentials in the data dir (0600) for whoever missed the console; returns the path. */
export function saveCredentials(dataDir: string, text: string): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'demo-credentials.txt');
  fs.writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
}
