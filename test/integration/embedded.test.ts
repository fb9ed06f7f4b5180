// The bundled PostgreSQL's lifecycle, in a data dir of its own (not the run's shared cluster).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  embeddedPaths,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../../src/server/db/embedded.js';
import { loggerOptions } from '../../src/server/lib/logger.js';

const EMBEDDED_TS = path.resolve('src/server/db/embedded.ts');

/** A logger whose messages the test can read. */
function recordingLogger() {
  const messages: string[] = [];
  const logger = pino(loggerOptions('info'), {
    write: (s: string) => void messages.push((JSON.parse(s) as { msg: string }).msg),
  });
  return { logger, messages };
}

async function query<T extends pg.QueryResultRow>(e: EmbeddedPostgres, sql: string) {
  const client = new pg.Client(e.connection);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function postmasterPid(dir: string): number | null {
  const file = path.join(embeddedPaths(dir).pgdata, 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  return Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
}

/** Running, and not a zombie waiting for init to reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = fs.existsSync(`/proc/${pid}/stat`)
    ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    : '';
  return !/\) [ZX] /.test(stat);
}

describe.skipIf(process.env.REDRESS_TEST_DB === 'external')('bundled PostgreSQL', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];

  function tempDataDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-emb-'));
    // As root the cluster runs as an unprivileged user, which must be able to enter the dir.
    fs.chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  }

  beforeAll(() => {
    expect(fs.existsSync(EMBEDDED_TS)).toBe(true);
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const dir of dirs) {
      // Whatever a failed test left running: immediate shutdown by the postmaster's pid.
      const pid = postmasterPid(dir);
      if (pid && alive(pid)) {
        process.kill(pid, 'SIGQUIT');
        for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
        if (alive(pid)) process.kill(pid, 'SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('initialises on first start: private password file, Unix socket only', async () => {
    const dir = tempDataDir();
    const { logger, messages } = recordingLogger();
    const e = await startEmbeddedPostgres(dir, logger);
    try {
      const p = embeddedPaths(dir);
      expect(fs.statSync(p.passwordFile).mode & 0o777).toBe(0o600);
      const password = fs.readFileSync(p.passwordFile, 'utf8').trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(e.connection).toMatchObject({ host: p.socketDir, user: 'redress', password });
      expect(fs.existsSync(path.join(p.pgdata, 'PG_VERSION'))).toBe(true);
      expect(e.describe).not.toContain(password);
      expect(messages).toContain('initialising the bundled PostgreSQL (first start)');
      expect(messages).toContain('bundled PostgreSQL started');

      expect(await query(e, 'SHOW listen_addresses')).toEqual([{ listen_addresses: '' }]);
      expect(await query(e, 'SELECT current_database() AS db, 6 * 7 AS n')).toEqual([
        { db: 'redress', n: 42 },
      ]);
    } finally {
      await e.release();
    }
    expect(postmasterPid(dir)).toBeNull();
  });

  it('restarts an initialised cluster with the same password', async () => {
    const dir = tempDataDir();
    const first = await startEmbeddedPostgres(dir, recordingLogger().logger);
    await query(first, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');
    await first.release();
    expect(postmasterPid(dir)).toBeNull();

    const { logger, messages } = recordingLogger();
    const second = await startEmbeddedPostgres(dir, logger);
    try {
      expect(second.connection.password).toBe(first.connection.password);
      expect(messages).not.toContain('initialising the bundled PostgreSQL (first start)');
      expect(await query(second, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    } finally {
      await second.release();
    }
  });

  // BUG: both handles in one process share the clients/<pid> file, so the first release()
  // deletes it, sees no other live client and stops the cluster under the second handle.
  it('keeps the cluster while a second start in the same process is attached', async () => {
    const dir = tempDataDir();
    const first = await startEmbeddedPostgres(dir, recordingLogger().logger);
    const second = await startEmbeddedPostgres(dir, recordingLogger().logger);
    try {
      await first.release();
      expect(postmasterPid(dir)).not.toBeNull();
      expect(await query(second, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await second.release();
    }
    expect(postmasterPid(dir)).toBeNull();
  });

  it('keeps the cluster for another live process and stops when the last one detaches', async () => {
    const dir = tempDataDir();
    const mine = await startEmbeddedPostgres(dir, recordingLogger().logger);
    const child = await startChild(dir);
    try {
      await mine.release();
      const pid = postmasterPid(dir);
      expect(pid).not.toBeNull();
      expect(alive(pid!)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((r) => child.once('exit', r));
    // The child never released; the next process adopts the cluster and stops it as the last.
    const again = await startEmbeddedPostgres(dir, recordingLogger().logger);
    await again.release();
    expect(postmasterPid(dir)).toBeNull();
  });

  it('adopts a cluster left running by a process that was killed', async () => {
    const dir = tempDataDir();
    const child = await startChild(dir);
    const childPid = child.pid!;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(alive(childPid)).toBe(false);

    const pid = postmasterPid(dir);
    expect(pid).not.toBeNull();
    expect(alive(pid!)).toBe(true);
    // The dead process's client file is still there until someone cleans up.
    expect(fs.readdirSync(embeddedPaths(dir).clientsDir).map((f) => f.split('-')[0])).toContain(
      String(childPid),
    );

    const { logger, messages } = recordingLogger();
    const e = await startEmbeddedPostgres(dir, logger);
    try {
      expect(messages).toContain(
        'adopting a bundled PostgreSQL left running by an earlier process',
      );
      expect(messages).not.toContain('bundled PostgreSQL started');
      expect(postmasterPid(dir)).toBe(pid);
      expect(await query(e, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await e.release();
    }
    expect(postmasterPid(dir)).toBeNull();
    expect(alive(pid!)).toBe(false);
    expect(fs.readdirSync(embeddedPaths(dir).clientsDir)).toEqual([]);
  });

  /** A separate Node process that starts (or joins) the cluster, says READY and waits. */
  async function startChild(dir: string): Promise<ChildProcess> {
    const script = path.join(dir, 'child.mts');
    fs.writeFileSync(
      script,
      [
        `import { startEmbeddedPostgres } from ${JSON.stringify(EMBEDDED_TS)};`,
        `import { createLogger } from ${JSON.stringify(path.resolve('src/server/lib/logger.ts'))};`,
        `await startEmbeddedPostgres(${JSON.stringify(dir)}, createLogger('silent'));`,
        `console.log('READY');`,
        `setInterval(() => undefined, 1000);`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('READY')) resolve();
      });
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) =>
        reject(new Error(`child exited (${code}) before READY:\n${out}`)),
      );
    });
    return child;
  }
});
