// Vitest global setup: one PostgreSQL per run. Test files each get a fresh database on it
// (test/helpers/db.ts), so they never see each other's rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/server/db/embedded.js';
import { createLogger } from '../../src/server/lib/logger.js';

export interface TestPgConnection {
  kind: 'embedded' | 'external';
  /** Connection settings for an administrative database on the server. */
  admin: {
    host?: string;
    port?: number;
    user?: string;
    password?: string;
    database?: string;
    connectionString?: string;
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pg: TestPgConnection;
  }
}

let embedded: EmbeddedPostgres | null = null;
let dir: string | null = null;

export async function setup(project: TestProject) {
  if (process.env.REDRESS_TEST_DB === 'external') {
    const url = process.env.TEST_DATABASE_URL!;
    project.provide('pg', { kind: 'external', admin: { connectionString: url } });
    return;
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-test-'));
  fs.chmodSync(dir, 0o755);
  embedded = await startEmbeddedPostgres(dir, createLogger('warn'));
  project.provide('pg', {
    kind: 'embedded',
    admin: { ...embedded.connection, database: 'postgres' } as TestPgConnection['admin'],
  });
}

export async function teardown() {
  await embedded?.release();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
