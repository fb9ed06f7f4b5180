// Shared set-up for the browser journeys: Chromium, pages at the two standard sizes, screenshots.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/server.js';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export const DESKTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };

export const STAFF_EMAILS = {
  admin: 'admin@demo.redress.local',
  supervisor: 'supervisor@demo.redress.local',
  expert: 'expert@demo.redress.local',
  agent: 'agent@demo.redress.local',
  merchant: 'merchant@demo.redress.local',
} as const;

export type StaffRoleName = keyof typeof STAFF_EMAILS;

export const COMPLAINANT_PHONE = '13800138000';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors seen by the page; journeys assert it stays empty. */
  errors: string[];
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number },
  options: { lang?: 'zh-CN' | 'en'; isMobile?: boolean } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    deviceScaleFactor: 1,
    isMobile: options.isMobile ?? viewport.width < 600,
    hasTouch: options.isMobile ?? viewport.width < 600,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  if (options.lang) {
    // A string script: this file is type-checked without the DOM library.
    await context.addInitScript(
      `window.localStorage.setItem('redress.lang', ${JSON.stringify(options.lang)});`,
    );
  }
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Expected API refusals (401 on /auth/me while logged out, 4xx in error journeys) are logged
    // by the browser as failed resources; they are not application errors.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    errors.push(`console: ${text}`);
  });
  return { context, page, errors };
}

/** Waits until no request is in flight and no antd spinner/skeleton is showing. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-skeleton-active, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  // Let antd's enter/collapse animations finish so screenshots show the final state.
  await page.waitForTimeout(400);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await settle(page);
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Grow the viewport to the whole page first: a full-page capture otherwise leaves sticky and
  // fixed bars (portal tab bar, headers) where the original viewport ended, mid-page.
  const viewport = page.viewportSize();
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  if (viewport && height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height });
    await page.waitForTimeout(200);
  }
  await page.screenshot({ path, fullPage: true });
  if (viewport && height > viewport.height) await page.setViewportSize(viewport);
  return path;
}

export async function staffLogin(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/console/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function menuItems(page: Page): Promise<string[]> {
  const items = page.getByTestId('console-menu').locator('.ant-menu-item');
  await items.first().waitFor();
  return (await items.allInnerTexts()).map((text) => text.trim());
}

/** The OTP is written by the server as the request completes; poll briefly for it. */
export async function waitForOtp(
  read: (target: string) => string | undefined,
  target: string,
  previous?: string,
): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const code = read(target);
    if (code && code !== previous) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no OTP was issued for ${target}`);
}

export function pageWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}

/** Han characters, to prove an English page has no Chinese left in it. */
export const HAN = /\p{Script=Han}/u;

/**
 * One real server and one browser for a journey file, started before and closed after it.
 * `options` (run in beforeAll) gives the server a clock or delivery channels; `app` is the
 * server's TestApp, for journeys that reach into its database or run its jobs.
 */
export function useJourneyEnv(options?: () => TestServerOptions | Promise<TestServerOptions>): {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly app: TestApp;
} {
  let server: (TestServer & { app: TestApp }) | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const opts = options ? await options() : {};
    [server, browser] = await Promise.all([startTestServer(opts), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('test server not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not launched');
      return browser;
    },
    get app() {
      if (!server) throw new Error('test server not started');
      return server.app;
    },
  };
}
