// A real Redress server for the browser journeys: fresh database on the run's PostgreSQL, demo
// data, the built web app (dist/web), listening on a free loopback port.
import fs from 'node:fs';
import path from 'node:path';
import { buildTestApp, DEMO_PASSWORD, type TestApp } from './app.js';

/** What a journey may ask of its server beyond the defaults (a clock, delivery channels). */
export type TestServerOptions = Omit<NonNullable<Parameters<typeof buildTestApp>[0]>, 'config'> & {
  config?: NonNullable<Parameters<typeof buildTestApp>[0]>['config'];
};

export interface TestServer {
  baseUrl: string;
  lastOtp(target: string): string | undefined;
  demoPassword: string;
  close(): Promise<void>;
}

/** The server, and its app for journeys that reach into the database or run jobs themselves. */
export async function startTestServer(
  opts: TestServerOptions = {},
): Promise<TestServer & { app: TestApp }> {
  const webDir = path.resolve('dist', 'web');
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run build:web` before the browser tests');
  }
  const t = await buildTestApp({ ...opts, config: { ...opts.config, webDir } });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl: address,
    lastOtp: (target) => t.otp.last(target),
    demoPassword: DEMO_PASSWORD,
    close: () => t.close(),
    app: t,
  };
}
