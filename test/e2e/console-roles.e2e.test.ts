// Staff sign-in: each role sees exactly the menu its permissions allow; guards and errors work.
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  HAN,
  menuItems,
  openPage,
  screenshot,
  STAFF_EMAILS,
  staffLogin,
  type StaffRoleName,
  useJourneyEnv,
} from './support.js';

const EXPECTED_MENU: Record<StaffRoleName, string[]> = {
  admin: [
    '工作台',
    '投诉处理',
    '外部平台',
    '升级提醒',
    '时效与日历',
    '团队与分派',
    '快捷回复',
    '通知模板',
    '消息投递',
    '知识库',
    '客服数据',
    '商户管理',
    '审计日志',
    '投诉分类',
    '用户管理',
    'API 令牌',
  ],
  supervisor: [
    '工作台',
    '我的工作台',
    '在线客服',
    '投诉处理',
    '来电受理',
    '集体投诉',
    '外部平台',
    '升级提醒',
    '时效与日历',
    '团队与分派',
    '快捷回复',
    '知识库',
    '客服数据',
    '商户管理',
    '审计日志',
    '投诉分类',
    '用户管理',
  ],
  expert: [
    '工作台',
    '我的工作台',
    '在线客服',
    '投诉处理',
    '来电受理',
    '集体投诉',
    '外部平台',
    '时效与日历',
    '知识库',
    '投诉分类',
  ],
  agent: [
    '工作台',
    '我的工作台',
    '在线客服',
    '投诉处理',
    '来电受理',
    '集体投诉',
    '外部平台',
    '时效与日历',
    '知识库',
    '投诉分类',
  ],
  merchant: ['工作台', '商户投诉'],
};

const ROLE_LABEL: Record<StaffRoleName, string> = {
  admin: '管理员',
  supervisor: '主管',
  expert: '专家坐席',
  agent: '客服专员',
  merchant: '商户',
};

describe('console sign-in and permissions', { timeout: 90_000 }, () => {
  const env = useJourneyEnv();

  it('a logged-out visit to a console page goes to the login page and back', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
    await page.goto('/console/users');
    await page.waitForURL((url) => url.pathname === '/console/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/console/users');
    await screenshot(page, 'console-login');

    await page.getByTestId('login-email').fill(STAFF_EMAILS.supervisor);
    await page.getByTestId('login-password').fill(env.server.demoPassword);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/console/users');
    await page.getByTestId('users-table').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a wrong password shows the server message', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
    await staffLogin(page, STAFF_EMAILS.agent, `${env.server.demoPassword}-wrong`);
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect((await alert.innerText()).trim().length).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await screenshot(page, 'console-login-error');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the console speaks English after the switch', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
    await page.goto('/console/login');
    await page.getByTestId('lang-switch').click();
    await page.getByText('Staff login').first().waitFor();
    await page.getByTestId('login-email').fill(STAFF_EMAILS.admin);
    await page.getByTestId('login-password').fill(env.server.demoPassword);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/console');
    await page.getByTestId('system-card').locator('.ant-statistic').first().waitFor();
    expect(await menuItems(page)).toEqual([
      'Dashboard',
      'Complaints',
      'External platforms',
      'Escalation alerts',
      'SLA & calendars',
      'Teams & routing',
      'Canned replies',
      'Notification templates',
      'Message delivery',
      'Knowledge base',
      'Assistant figures',
      'Merchants',
      'Audit log',
      'Categories',
      'Users',
      'API tokens',
    ]);
    // Only data (the demo user's Chinese name) may remain Chinese.
    const cards = page.locator('[data-testid=permissions-card], [data-testid=system-card]');
    expect((await cards.allInnerTexts()).join('\n')).not.toMatch(HAN);
    await screenshot(page, 'console-dashboard-admin-en');

    await page.goto('/console/catalog');
    await page.getByTestId('catalog-table').locator('tr.ant-table-row').first().waitFor();
    expect(await page.locator('.console-content').innerText()).not.toMatch(HAN);
    await screenshot(page, 'console-catalog-en');

    await page.goto('/console/users');
    await page.getByTestId('users-table').locator('tr.ant-table-row').first().waitFor();
    await screenshot(page, 'console-users-en');
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const role of Object.keys(EXPECTED_MENU) as StaffRoleName[]) {
    it(`${role} sees exactly the menu its permissions allow`, async () => {
      const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
      await staffLogin(page, STAFF_EMAILS[role], env.server.demoPassword);
      await page.waitForURL((url) => url.pathname === '/console');
      await page.getByTestId('welcome-card').waitFor();
      expect(await menuItems(page)).toEqual(EXPECTED_MENU[role]);
      await expect(page.getByTestId('console-user').innerText()).resolves.toContain(
        ROLE_LABEL[role],
      );
      await page.getByTestId('system-card').locator('.ant-statistic').first().waitFor();
      await screenshot(page, `console-dashboard-${role}`);

      if (role === 'agent') {
        await page.goto('/console/tokens');
        await page.getByTestId('forbidden').waitFor();
        await expect(page.getByText('无权访问').isVisible()).resolves.toBe(true);
        await screenshot(page, 'console-403-agent');
      }
      if (role === 'supervisor') {
        // Templates and the outbox are the admins' alone.
        await page.goto('/console/notifications/outbox');
        await page.getByTestId('forbidden').waitFor();
      }
      if (role === 'admin') {
        await page.goto('/console/notifications/templates');
        await page.getByTestId('template-editor').waitFor();
        await page.goto('/console/notifications/outbox');
        await page.getByTestId('outbox-table').waitFor();

        await page.goto('/console/catalog');
        const rows = page.getByTestId('catalog-table').locator('tr.ant-table-row');
        await rows.first().waitFor();
        await rows.first().click();
        await page.locator('.ant-table-expanded-row').first().waitFor();
        await screenshot(page, 'console-catalog');

        await page.goto('/console/no-such-page');
        await page.getByTestId('not-found').waitFor();
        await screenshot(page, 'console-404');
      }

      await page.getByTestId('console-logout').click();
      await page.waitForURL((url) => url.pathname === '/console/login');
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
