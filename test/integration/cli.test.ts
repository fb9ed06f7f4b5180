// The `redress` command line, run as a real child process against this file's test database.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { STAFF_ROLES } from '../../src/shared/roles.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const BIN = path.resolve('bin/redress.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A DATABASE_URL for the test database; a socket directory goes in the `host` parameter. */
function databaseUrl(c: pg.PoolConfig): string {
  if (c.connectionString) return c.connectionString;
  const e = encodeURIComponent;
  // `@localhost` is a placeholder: the host parameter wins. A host-less URL (`@/db?host=…`)
  // is what libpq documents, but loadConfig rejects it (see config.test.ts).
  return (
    `postgresql://${e(String(c.user))}:${e(String(c.password))}@localhost/${e(String(c.database))}` +
    `?host=${e(String(c.host))}&port=${c.port}`
  );
}

let database: TestDatabase;
let app: FastifyInstance;
let url: string;

function redress(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        timeout: 60_000,
        env: {
          ...process.env,
          DATABASE_URL: url,
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORT: '',
          ...env,
        },
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function userCount(): Promise<number> {
  const r = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM users');
  return Number(r.rows[0]?.n);
}

beforeAll(async () => {
  database = await createTestDatabase();
  url = databaseUrl(database.connection);
  app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), database });
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('redress CLI', { timeout: 90_000 }, () => {
  it('--help lists every command', async () => {
    const r = await redress(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'worker', 'migrate', 'seed', 'user', 'token']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
    }
  });

  it('migrate exits 0 on an up-to-date database', async () => {
    const r = await redress(['migrate']);
    expect(r).toMatchObject({ code: 0, stdout: 'Database schema is up to date.\n' });
  });

  it('token create prints a working bearer token, and nothing else', async () => {
    const r = await redress(['token', 'create', '--role', 'admin', '--name', 'ci']);
    expect(r.code).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^rdr_[A-Za-z0-9_-]{20,}$/);
    expect(r.stdout).toBe(`${token}\n`);

    const stored = await database.pool.query<{ token_hash: string; role: string }>(
      `SELECT token_hash, role FROM api_tokens WHERE name = 'ci'`,
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]?.role).toBe('admin');
    expect(stored.rows[0]?.token_hash).not.toContain(token);

    const res = await app.inject({
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { name: string; role: string; prefix: string }[] }).items;
    expect(items).toEqual([
      expect.objectContaining({ name: 'ci', role: 'admin', prefix: token.slice(0, 10) }),
    ]);

    const forged = await app.inject({
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${token.slice(0, -2)}xx` },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('token create refuses an unknown role and lists the allowed ones', async () => {
    const before = await database.pool.query('SELECT 1 FROM api_tokens');
    const r = await redress(['token', 'create', '--role', 'nobody', '--name', 'x']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`expected one of: ${STAFF_ROLES.join(', ')}`);
    expect(r.stderr).toContain('nobody');
    const after = await database.pool.query('SELECT 1 FROM api_tokens');
    expect(after.rowCount).toBe(before.rowCount);
  });

  it('user create makes a staff account with a generated password that logs in', async () => {
    const r = await redress([
      'user',
      'create',
      '--role',
      'agent',
      '--name',
      '测试',
      '--email',
      'a@b.cn',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Created agent a@b\.cn \(id [0-9a-f-]{36}\)\nPassword: \S+\n$/);
    const password = /^Password: (\S+)$/m.exec(r.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);

    const row = await database.pool.query<{ name: string; role: string }>(
      `SELECT name, role FROM users WHERE email = 'a@b.cn'`,
    );
    expect(row.rows).toEqual([{ name: '测试', role: 'agent' }]);

    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.cn', password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.cookies.map((c) => c.name)).toContain('redress_session');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.cn', password: `${password}x` },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('user create with a bad email explains the field and creates nothing', async () => {
    const before = await userCount();
    const r = await redress(['user', 'create', '--role', 'agent', '--name', 'x', '--email', 'bad']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'Error: Some fields are invalid; please check them (提交的内容有误，请检查标出的字段)\n' +
        '  email: is not a valid email address / 邮箱格式不正确\n',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await userCount()).toBe(before);
  });

  it('user create refuses an email that is taken', async () => {
    const before = await userCount();
    const r = await redress([
      'user',
      'create',
      '--role',
      'expert',
      '--name',
      'y',
      '--email',
      'A@B.cn',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('This email is already in use');
    expect(await userCount()).toBe(before);
  });

  it('a bad variable stops any command with a message naming it', async () => {
    for (const args of [['migrate'], ['token', 'create', '--role', 'admin', '--name', 'p']]) {
      const r = await redress(args, { PORT: 'abc' });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain('PORT="abc": expected an integer from 0 to 65535');
    }
    const tokens = await database.pool.query(`SELECT 1 FROM api_tokens WHERE name = 'p'`);
    expect(tokens.rowCount).toBe(0);
  });

  it('kb import loads a file with a progress bar, is all or nothing, and kb export gives it back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-kb-'));
    const kbRows = async () =>
      Number(
        (await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM kb_entries')).rows[0]
          ?.n,
      );
    const entries = Array.from({ length: 1200 }, (_, i) => ({
      id: `cli-${i}`,
      category: '测试',
      question: `第 ${i} 个问题怎么办`,
      similar: [`问题 ${i} 如何处理`],
      answer: `答案 ${i}`,
    }));
    const good = path.join(dir, 'kb.json');
    fs.writeFileSync(good, JSON.stringify({ mode: 'merge', entries }));
    const before = await kbRows();
    const r = await redress(['kb', 'import', good]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1200 created');
    expect(r.stdout).toMatch(/Trained in \d+ ms/);
    expect(r.stderr).toContain('1200/1200');
    expect(await kbRows()).toBe(before + 1200);

    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({ mode: 'replace', entries: [{ id: 'x', category: 'c', question: 'q' }] }),
    );
    const refused = await redress(['kb', 'import', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('entries[0].answer');
    expect(await kbRows()).toBe(before + 1200);

    const out = path.join(dir, 'export.json');
    const exported = await redress(['kb', 'export', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const back = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      mode: string;
      entries: { id: string }[];
    };
    expect(back.mode).toBe('replace');
    expect(back.entries.filter((e) => e.id.startsWith('cli-'))).toHaveLength(1200);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
