// The whole `redress serve` process on a new data dir, as a new user runs it: the bundled
// PostgreSQL is created, demo data loaded once, requests in flight finish on SIGTERM, and a
// server killed with SIGKILL leaves nothing that stops the next start.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const external = process.env.REDRESS_TEST_DB === 'external';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-serve-'));
fs.chmodSync(dataDir, 0o755);

interface Running {
  child: ChildProcess;
  output: () => string;
  port: number;
}

function startServe(): Promise<Running> {
  const child = spawn(process.execPath, ['bin/redress.js', 'serve'], {
    env: {
      ...process.env,
      REDRESS_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      REDRESS_DEMO_PASSWORD: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Portal \(complainants\):\s+http:\/\/[^:]+:(\d+)\//.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({ child, output: () => out, port: Number(m[1]) });
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

function postmasterRunning(): boolean {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(external)('redress serve', () => {
  afterAll(async () => {
    // Leave no PostgreSQL behind, whatever happened above.
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 50 && postmasterRunning(); i++)
        await new Promise((r) => setTimeout(r, 100));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('first start creates the database, prints demo credentials once, serves the API', async () => {
    const s = await startServe();
    expect(s.output()).toContain('Demo accounts (演示账号):');
    expect(s.output()).toMatch(/admin\s+admin@demo\.redress\.local\s+\/\s+demo-\S{12}/);
    const pw = fs.statSync(path.join(dataDir, 'postgres.password'));
    expect(pw.mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dataDir, 'demo-credentials.txt')).mode & 0o777).toBe(0o600);

    const health = await fetch(`http://127.0.0.1:${s.port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'embedded' });

    // A request still arriving when SIGTERM lands is answered before the process exits.
    const socket = net.connect(s.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const body = JSON.stringify({
      email: 'admin@demo.redress.local',
      password: 'not-the-password',
    });
    socket.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    let reply = '';
    socket.on('data', (d) => (reply += d.toString()));
    // Wait until the server has the request (it logs it once the headers are read)...
    await until(() => s.output().includes('"url":"/api/v1/auth/login"'));
    s.child.kill('SIGTERM');
    // ...and until it has begun shutting down, then send the rest of the body.
    await until(() => s.output().includes('shutting down'));
    socket.write(body.slice(10));
    await new Promise((r) => socket.once('close', r));
    expect(reply).toMatch(/^HTTP\/1\.1 401/);
    expect(reply).toContain('invalid_credentials');

    expect(await exited(s.child)).toBe(0);
    expect(s.output()).toContain('bundled PostgreSQL stopped');
    expect(postmasterRunning()).toBe(false);
  });

  it('second start reuses the data and does not seed again', async () => {
    const s = await startServe();
    expect(s.output()).not.toContain('Demo accounts');
    const res = await fetch(`http://127.0.0.1:${s.port}/api/v1/catalog`);
    const { categories } = (await res.json()) as { categories: { code: string }[] };
    expect(categories.map((c) => c.code)).toContain('express_delivery');

    // Killed outright: PostgreSQL outlives it...
    s.child.kill('SIGKILL');
    await exited(s.child);
    expect(postmasterRunning()).toBe(true);

    // ...and the next start adopts it instead of failing.
    const next = await startServe();
    expect(next.output()).toContain('adopting a bundled PostgreSQL left running');
    const health = await fetch(`http://127.0.0.1:${next.port}/api/health`);
    expect(health.status).toBe(200);
    next.child.kill('SIGINT');
    expect(await exited(next.child)).toBe(0);
    expect(postmasterRunning()).toBe(false);
  });
});
