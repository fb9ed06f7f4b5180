// A merchant answers a complaint: a complainant files about the shop 演示旗舰店, the agent passes
// it to the merchant in the console, the merchant sees it in its inbox with the reply deadline,
// replies and offers a refund, and the complainant accepts it in the portal (处理完成). A refused
// offer goes to platform arbitration (平台仲裁) with an expert.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './complaint-api-client.js';
import { consoleLogin, openConsoleComplaint, waitForStage } from './console-steps.js';
import { fileQualityDispute, openPortalComplaint, portalLogin } from './portal-steps.js';
import { HAN, pageWidth, PHONE, screenshot, STAFF_EMAILS, useJourneyEnv } from './support.js';

/** Fresh complainants: no other journey's complaints or code cool-downs get in the way. */
const ACCEPTING_PHONE = '13912350001';
const REFUSING_PHONE = '13912350002';

describe('a merchant answers a complaint', { timeout: 240_000 }, () => {
  const env = useJourneyEnv();

  async function portalStage(page: Page): Promise<string> {
    return (await page.getByTestId('stage-label').innerText()).trim();
  }

  it('the agent passes the complaint to the merchant; the merchant replies and offers a refund; the complainant accepts', async () => {
    const portal = await portalLogin(env, ACCEPTING_PHONE);
    const number = await fileQualityDispute(
      portal.page,
      'DD202611220001',
      '在演示旗舰店买的保温杯不保温，客服不处理',
    );

    // The agent: the case card offers 转商户处理; the merchant is found from the shop name.
    const agent = await consoleLogin(env, 'agent');
    await openConsoleComplaint(agent.page, number);
    const card = agent.page.getByTestId('merchant-case-card');
    await card.waitFor();
    await screenshot(agent.page, 'merchant-1-agent-before');
    await card.getByTestId('merchant-transfer').click();
    const dialog = agent.page.getByRole('dialog');
    await dialog.waitFor();
    // Submitting without an opinion is stopped in the browser.
    await agent.page.getByTestId('merchant-transfer-submit').click();
    await dialog.getByText('请填写转办意见').waitFor();
    await agent.page
      .getByTestId('merchant-transfer-opinion')
      .fill('请商户核实保温杯质量问题，并在期限内给出处理方案。');
    await screenshot(agent.page, 'merchant-1-agent-transfer');
    await agent.page.getByTestId('merchant-transfer-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForStage(agent.page, '已转办');
    await card.getByTestId('phase-tag').getByText('待商户回复').waitFor();
    await expect(card.innerText()).resolves.toContain('演示商城旗舰店 · 演示旗舰店');
    await expect(card.getByTestId('reply-countdown').innerText()).resolves.toMatch(/^剩余/);
    await screenshot(agent.page, 'merchant-1-agent-after');
    expect(agent.errors).toEqual([]);

    // The merchant: its inbox lists the case with the countdown to the first-reply deadline.
    const merchant = await consoleLogin(env, 'merchant');
    const { page } = merchant;
    await page.getByTestId('console-menu').getByText('商户投诉').click();
    await page.waitForURL((url) => url.pathname === '/console/merchant');
    const row = page.getByTestId('merchant-inbox').locator('tr.ant-table-row', { hasText: number });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('待商户回复');
    const countdown = row.getByTestId('reply-countdown');
    await expect(countdown.innerText()).resolves.toMatch(/^剩余 \d+ 小时/);
    // The demo merchant's tier gives it 24 hours: far from red.
    await expect(countdown.getAttribute('data-urgent')).resolves.toBe('false');
    await screenshot(page, 'merchant-2-inbox');

    await row.click();
    await page.waitForURL((url) => url.pathname === `/console/merchant/complaints/${number}`);
    await page.getByTestId('merchant-case-page').waitFor();
    await page.getByTestId('merchant-case-facts').getByText('保温杯不保温').waitFor();
    // The merchant sees the complainant's name masked, never in clear.
    await expect(page.getByTestId('merchant-case-facts').innerText()).resolves.not.toMatch(
      /1391235\d{4}/,
    );
    await screenshot(page, 'merchant-3-case');

    await page.getByTestId('merchant-reply-text').fill('您好，已收到反馈，核实后给您退款。');
    await page.getByTestId('merchant-reply-send').click();
    await page.getByTestId('merchant-case-header').getByText('商户已回复').waitFor();
    await expect(page.getByTestId('merchant-due').innerText()).resolves.toContain('已按时回复');

    // A refund needs an amount; then it is offered and waits for the complainant.
    await page.getByTestId('remedy-note').fill('原路退回货款，1–3 个工作日到账');
    await page.getByTestId('remedy-submit').click();
    await page.getByText('请填写金额').waitFor();
    await page.getByTestId('remedy-amount').fill('12.5');
    await screenshot(page, 'merchant-4-remedy-form');
    await page.getByTestId('remedy-submit').click();
    await page.getByTestId('merchant-waiting').waitFor();
    const offered = page.getByTestId('merchant-remedies').getByTestId('remedy-item');
    await expect(offered.innerText()).resolves.toContain('退款 ¥12.50');
    await expect(offered.getByTestId('remedy-status').innerText()).resolves.toBe('待投诉人确认');
    await page.getByTestId('timeline-card').getByText('您好，已收到反馈').waitFor();
    await screenshot(page, 'merchant-5-remedy-offered');
    expect(merchant.errors).toEqual([]);

    // The complainant: the reply in the timeline, the offer with 接受 / 不接受; accepts it.
    await openPortalComplaint(portal.page, number);
    const remedy = portal.page.getByTestId('remedy-card');
    await expect(remedy.getByTestId('remedy-what').innerText()).resolves.toBe('退款 ¥12.50');
    await expect(portal.page.getByTestId('complaint-timeline').innerText()).resolves.toContain(
      '商家回复',
    );
    await expect(portal.page.getByTestId('where-merchant').innerText()).resolves.toContain(
      '演示旗舰店',
    );
    await screenshot(portal.page, 'merchant-6-portal-offer');
    expect(await pageWidth(portal.page)).toBe(PHONE.width);
    await remedy.getByTestId('remedy-accept').click();
    const confirm = portal.page.getByRole('dialog');
    await confirm.locator('.ant-modal-confirm-title').getByText('接受“退款 ¥12.50”？').waitFor();
    await screenshot(portal.page, 'merchant-7-portal-accept-confirm');
    await confirm.getByRole('button', { name: /^接\s*受$/ }).click();
    await portal.page.getByTestId('stage-label').getByText('处理完成').waitFor();
    await expect(portal.page.getByTestId('remedy-card').count()).resolves.toBe(0);
    await expect(portal.page.getByTestId('where-merchant').innerText()).resolves.toContain(
      '您已接受',
    );
    await screenshot(portal.page, 'merchant-8-portal-resolved');
    expect(portal.errors).toEqual([]);

    // The merchant's page says it is settled.
    await page.reload();
    await page.getByTestId('merchant-done').getByText('该投诉已办结').waitFor();
    await screenshot(page, 'merchant-9-settled');
    for (const opened of [agent, merchant, portal]) await opened.context.close();
  });

  it('a refused offer goes to platform arbitration with an expert', async () => {
    const portal = await portalLogin(env, REFUSING_PHONE);
    const number = await fileQualityDispute(
      portal.page,
      'DD202611220002',
      '演示旗舰店发来的耳机一边没有声音',
    );
    // The agent and the merchant act through the API this time; the portal is what is shown.
    const agent = await ApiClient.staff(env.server, STAFF_EMAILS.agent);
    await agent.post(`/api/v1/complaints/${number}/merchant-transfer`, {
      opinion: '请商户核实耳机质量问题。',
    });
    const merchant = await ApiClient.staff(env.server, STAFF_EMAILS.merchant);
    await merchant.post(`/api/v1/merchant/complaints/${number}/remedies`, {
      kind: 'compensation',
      amount: '20',
      note: '补偿 20 元优惠券',
    });

    const { page } = portal;
    await openPortalComplaint(page, number);
    const remedy = page.getByTestId('remedy-card');
    await expect(remedy.getByTestId('remedy-what').innerText()).resolves.toBe('赔偿 ¥20.00');
    await remedy.getByTestId('remedy-refuse').click();
    // The reason is required before the refusal can be sent.
    await expect(remedy.getByTestId('remedy-refuse-submit').isDisabled()).resolves.toBe(true);
    await remedy.getByTestId('remedy-reason').fill('耳机坏了，只给优惠券不能接受，要求退货退款');
    await screenshot(page, 'merchant-10-portal-refuse');
    await remedy.getByTestId('remedy-refuse-submit').click();
    await page.getByTestId('where-merchant').getByText('平台仲裁中').waitFor();
    expect(await portalStage(page)).toBe('调查中');
    await expect(page.getByTestId('complaint-timeline').innerText()).resolves.toContain(
      '转平台仲裁',
    );
    await screenshot(page, 'merchant-11-portal-arbitration');
    expect(portal.errors).toEqual([]);

    // An expert now holds it, tagged 平台仲裁, with the refusal on the merchant card.
    const expert = await consoleLogin(env, 'expert');
    await openConsoleComplaint(expert.page, number);
    await expert.page.getByTestId('case-tags').getByText('平台仲裁').waitFor();
    const card = expert.page.getByTestId('merchant-case-card');
    await card.getByTestId('phase-tag').getByText('平台仲裁中').waitFor();
    await expect(card.getByTestId('remedy-status').innerText()).resolves.toBe('已拒绝');
    await expect(card.innerText()).resolves.toContain('只给优惠券不能接受');
    await screenshot(expert.page, 'merchant-12-expert-arbitration');
    expect(expert.errors).toEqual([]);
    await expert.context.close();
    await portal.context.close();
  });

  it('a supervisor keeps the merchants: tiers, reply hours and shops', async () => {
    const { page, errors, context } = await consoleLogin(env, 'supervisor');
    await page.getByTestId('console-menu').getByText('商户管理').click();
    await page.waitForURL((url) => url.pathname === '/console/merchants');
    const demo = page.getByTestId('merchants-page').locator('tr.ant-table-row', {
      hasText: '演示商城旗舰店',
    });
    await demo.getByTestId('shop-tag').getByText('演示旗舰店').waitFor();

    // A new gold merchant gets the tier's 12 hours unless told otherwise.
    await page.getByTestId('create-merchant').click();
    await page.getByTestId('merchant-name').fill('优品生活馆');
    await page.getByTestId('merchant-tier').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '金牌',
      })
      .click();
    await screenshot(page, 'merchant-13-create');
    await page.getByTestId('merchant-save').click();
    const created = page.getByTestId('merchants-page').locator('tr.ant-table-row', {
      hasText: '优品生活馆',
    });
    await created.waitFor();
    await expect(created.innerText()).resolves.toContain('12 小时');

    // A shop name another merchant already has is refused; a new one is added.
    await created.getByTestId('add-shop').click();
    await page.getByTestId('shop-name').fill('演示旗舰店');
    await page.getByTestId('shop-save').click();
    await page.getByRole('dialog').getByRole('alert').waitFor();
    await screenshot(page, 'merchant-14-shop-taken');
    await page.getByTestId('shop-name').fill('优品生活馆官方店');
    await page.getByTestId('shop-save').click();
    await created.getByTestId('shop-tag').getByText('优品生活馆官方店').waitFor();

    // Edited to its own 8 hours.
    await created.getByTestId('edit-merchant').click();
    await page.getByTestId('merchant-reply-hours').fill('8');
    await page.getByTestId('merchant-save').click();
    await created.getByText('8 小时').waitFor();
    await screenshot(page, 'merchant-15-merchants');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the merchant inbox speaks English on request', async () => {
    const { page, errors, context } = await consoleLogin(env, 'merchant');
    await page.goto('/console/merchant');
    await page.getByTestId('merchant-inbox').locator('tr.ant-table-row').first().waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByText('Complaints to answer', { exact: true }).first().waitFor();
    const inbox = page.getByTestId('merchant-inbox');
    await expect(inbox.innerText()).resolves.toContain('Remedy accepted');
    // Only the complaints' own words (descriptions, shop names) stay in Chinese.
    const header = await inbox.locator('thead').innerText();
    expect(header).not.toMatch(HAN);
    await screenshot(page, 'merchant-16-inbox-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
