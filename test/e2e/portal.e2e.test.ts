// Complainant portal, logged out: home, scope, 404, and the English switch (phone-sized).
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  HAN,
  openPage,
  pageWidth,
  PHONE,
  screenshot,
  settle,
  useJourneyEnv,
} from './support.js';

describe('portal journeys', { timeout: 90_000 }, () => {
  const env = useJourneyEnv();

  it('home shows the product, its entries and the scope summary', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
    await page.goto('/');
    await expect(page.locator('.hero h1').innerText()).resolves.toBe('投诉受理与客服平台');
    for (const label of ['我要投诉', '我的投诉', '进度查询', '智能客服']) {
      await expect(page.getByTestId('entry-grid').getByText(label).count()).resolves.toBe(1);
    }
    // Every entry is open: filing, my complaints, tracking and the assistant's chat.
    const links = page.getByTestId('entry-grid').locator('a');
    await expect(links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(
      ['/file', '/complaints', '/track', '/assistant'],
    );
    await expect(page.getByTestId('entry-grid').getByText('即将开放').count()).resolves.toBe(0);
    const tiles = page.getByTestId('scope-summary').locator('.scope-tile');
    await tiles.first().waitFor();
    expect(await tiles.count()).toBeGreaterThan(3);
    await expect(page.locator('.portal-tabbar').isVisible()).resolves.toBe(true);
    await expect(page.locator('.portal-topnav').isVisible()).resolves.toBe(false);
    await screenshot(page, 'portal-home');
    expect(await pageWidth(page)).toBe(PHONE.width);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('home on a desktop uses the top bar and a centred column', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
    await page.goto('/');
    await settle(page);
    await expect(page.locator('.portal-topnav').isVisible()).resolves.toBe(true);
    await expect(page.locator('.portal-tabbar').isVisible()).resolves.toBe(false);
    const box = await page.locator('.portal-main').boundingBox();
    expect(box?.width).toBeLessThanOrEqual(720);
    await screenshot(page, 'portal-home-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('scope page lists every category with priorities and refusal guidance', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
    await page.goto('/scope');
    const headers = page.getByTestId('scope-list').locator('.ant-collapse-header');
    await headers.first().waitFor();
    expect(await headers.count()).toBeGreaterThan(3);
    await headers.first().click();
    await page.locator('.type-block').first().waitFor();
    await expect(page.locator('.type-block .ant-tag').first().isVisible()).resolves.toBe(true);
    const priorities = await page
      .locator('.type-block')
      .getByTestId('priority-tag')
      .allInnerTexts();
    expect(priorities.length).toBeGreaterThan(0);
    expect(priorities.every((p) => ['红色加急', '黄色预警', '绿色常规'].includes(p))).toBe(true);
    // Categories that are not accepted explain where to go instead.
    const refused = headers.filter({ hasText: '不受理' });
    if ((await refused.count()) > 0) {
      await refused.first().click();
      await page.getByText('本平台不受理此类诉求').first().waitFor();
    }
    await screenshot(page, 'portal-scope');
    expect(await pageWidth(page)).toBe(PHONE.width);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('unknown routes show the 404 page with a way back', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
    await page.goto('/no-such-page');
    await page.getByTestId('not-found').waitFor();
    await expect(page.getByText('页面不存在', { exact: true }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'portal-404');
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches the home page to English and remembers it', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
    await page.goto('/');
    await page.getByTestId('scope-summary').locator('.scope-tile').first().waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('entry-grid').getByText('Assistant').first().waitFor();
    await expect(page.locator('.hero h1').innerText()).resolves.toBe('Redress');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'portal-home-en');
    const text = await page.locator('.portal-main, .portal-tabbar').allInnerTexts();
    expect(text.join('\n')).not.toMatch(HAN);
    // The language switch itself offers 中文; nothing else may be Chinese.
    await expect(page.getByTestId('lang-switch').innerText()).resolves.toContain('中文');

    await page.reload();
    await page.getByTestId('entry-grid').getByText('Assistant').first().waitFor();
    await page.goto('/scope');
    await page.getByTestId('scope-list').waitFor();
    await settle(page);
    expect((await page.locator('.portal-main').innerText()).match(HAN)).toBeNull();
    await screenshot(page, 'portal-scope-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
