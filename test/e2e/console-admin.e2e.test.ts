// The administrator creates a staff user (after a field error) and creates + revokes an API token.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import {
  DESKTOP,
  launchBrowser,
  openPage,
  screenshot,
  STAFF_EMAILS,
  staffLogin,
} from './support.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

describe('console administration', { timeout: 90_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    ({ page, errors } = await openPage(browser, server.baseUrl, DESKTOP));
    await staffLogin(page, STAFF_EMAILS.admin, server.demoPassword);
    await page.waitForURL((url) => url.pathname === '/console');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates an agent account, refusing a short password first', async () => {
    const email = `e2e.agent.${Date.now()}@demo.redress.local`;
    await page.getByTestId('console-menu').getByText('用户管理').click();
    await page.waitForURL((url) => url.pathname === '/console/users');
    await page.getByTestId('users-table').locator('tr.ant-table-row').first().waitFor();
    await screenshot(page, 'console-users');

    await page.getByTestId('users-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.getByTestId('create-user-name').fill('测试专员');
    await page.getByTestId('create-user-email').fill(email);
    await page.getByTestId('create-user-password').fill('short');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.getByText('密码至少需要 10 个字符').waitFor();
    await screenshot(page, 'console-users-create-error');

    // The server refuses a duplicate e-mail; its reason must reach the form too.
    await page.getByTestId('create-user-email').fill(STAFF_EMAILS.agent);
    await page.getByTestId('create-user-password').fill('a-long-enough-password');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.locator('.ant-form-item-explain-error, .ant-alert-error').first().waitFor();
    await screenshot(page, 'console-users-create-conflict');

    await page.getByTestId('create-user-email').fill(email);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('users-search').locator('input').fill(email);
    await page.getByTestId('users-search').locator('input').press('Enter');
    const row = page.getByTestId('users-table').locator('tr.ant-table-row', { hasText: email });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('客服专员');
    await screenshot(page, 'console-users-created');
    expect(errors).toEqual([]);
  });

  it('creates an API token, shows it once, and revokes it', async () => {
    const name = `E2E 商城同步 ${Date.now()}`;
    await page.getByTestId('console-menu').getByText('API 令牌').click();
    await page.waitForURL((url) => url.pathname === '/console/tokens');
    await page.getByTestId('tokens-table').waitFor();

    await page.getByTestId('tokens-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.getByTestId('create-token-name').fill(name);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();

    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    const token = (await secret.innerText()).trim();
    expect(token.length).toBeGreaterThan(16);
    await expect(page.getByText('令牌只显示这一次', { exact: false }).isVisible()).resolves.toBe(
      true,
    );
    await screenshot(page, 'console-token-secret');
    await page.getByTestId('token-secret-done').click();
    await secret.waitFor({ state: 'hidden' });

    const row = page.getByTestId('tokens-table').locator('tr.ant-table-row', { hasText: name });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('有效');
    await row.getByRole('button', { name: /撤\s*销/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /撤\s*销/ })
      .click();
    await row.getByText('已撤销').waitFor();
    // The secret is never shown again.
    await expect(page.getByText(token).count()).resolves.toBe(0);
    await screenshot(page, 'console-tokens');
    expect(errors).toEqual([]);
  });
});
