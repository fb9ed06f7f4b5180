// Staff work complaints in the console: an agent files for a caller, works a complainant's
// complaint through review, investigation and a materials request to a result; the appeal goes to
// an expert (never the person who resolved it), who reconsiders and resolves again.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makePdf, makePng } from '../helpers/files.js';
import {
  COMPLAINANT_PHONE,
  menuItems,
  screenshot,
  STAFF_EMAILS,
  useJourneyEnv,
  type OpenedPage,
} from './support.js';
import { ApiClient } from './complaint-api-client.js';
import {
  consoleLogin as loginAs,
  consoleStage as stage,
  openConsoleComplaint as openComplaint,
  resolveInConsole as resolve,
  waitForStage,
} from './console-steps.js';

const CALLER_PHONE = '13900139001';

/** The caller's complaint as the agent types it while on the phone. */
async function fillCallersComplaint(page: Page): Promise<void> {
  await page.getByTestId('caller-name').fill('王五');
  await page.getByTestId('caller-phone').fill(CALLER_PHONE);
  await page.getByTestId('filing-type').click();
  await page.locator('.ant-cascader-menu-item', { hasText: /^快递$/ }).hover();
  await page.locator('.ant-cascader-menu-item', { hasText: /^丢件$/ }).click();
  await page.getByTestId('type-hint').waitFor();
  await page.getByTestId('field-waybill_number').fill('SF1234567890');
  await page.getByTestId('field-carrier').fill('顺丰速运');
  await page
    .getByTestId('filing-description')
    .fill('来电反映：快递显示已签收但本人没有收到，联系快递员未回复');
  await page.getByTestId('filing-demand').fill('退款');
}

describe('complaints in the console', { timeout: 120_000 }, () => {
  const env = useJourneyEnv();
  let agent: OpenedPage;
  let complainant: ApiClient;
  let first = '';
  let second = '';

  it('an agent files a complaint for a caller on the phone and gets a number', async () => {
    agent = await loginAs(env, 'agent');
    const { page, errors } = agent;
    expect(await menuItems(page)).toContain('投诉处理');
    await page.getByTestId('open-complaints-card').waitFor();
    await page.getByTestId('console-menu').getByText('投诉处理').click();
    await page.waitForURL((url) => url.pathname === '/console/complaints');
    await page.getByTestId('complaints-new').click();
    await page.waitForURL((url) => url.pathname === '/console/complaints/new');

    // Submitting empty shows what is missing, in Chinese, before anything is sent.
    await page.getByTestId('filing-submit').click();
    await page.getByText('请填写手机号或邮箱（至少一项）').waitFor();
    await screenshot(page, 'console-complaint-new-errors');

    await fillCallersComplaint(page);
    await expect(page.getByTestId('filing-channel').innerText()).resolves.toContain('电话');
    await screenshot(page, 'console-complaint-new');

    await page.getByTestId('filing-submit').click();
    // Either the number or the server's refusal: a refusal fails with its own words.
    await page.locator('[data-testid=filed-number], [data-testid=filing-error]').first().waitFor();
    if (await page.getByTestId('filing-error').count()) {
      await screenshot(page, 'console-complaint-new-refused');
      throw new Error(await page.getByTestId('filing-error').innerText());
    }
    const number = (await page.getByTestId('filed-number').innerText()).trim();
    expect(number).toMatch(/^TS\d{8}-\d{6}-[\dX]$/);
    await screenshot(page, 'console-complaint-filed');

    // The same caller ringing again about the same parcel is added to that complaint.
    await page.getByTestId('filed-again').click();
    await fillCallersComplaint(page);
    await page.getByTestId('filing-submit').click();
    await page.getByTestId('filed-linked').waitFor();
    await expect(page.getByTestId('filed-number').innerText()).resolves.toBe(number);
    await screenshot(page, 'console-complaint-filed-linked');

    await page.getByTestId('filed-open').click();
    await page.waitForURL((url) => url.pathname === `/console/complaints/${number}`);
    await page.getByTestId('complaint-page').waitFor();
    expect(await stage(page)).toBe('已受理');
    await expect(page.getByTestId('complaint-header').innerText()).resolves.toContain('电话');
    await expect(page.getByTestId('repeat-count').innerText()).resolves.toBe('重复投诉 1 次');
    expect(errors).toEqual([]);
  });

  it('a complaint filed by a complainant appears in the list and is worked to a result', async () => {
    const { page, errors } = agent;
    complainant = await ApiClient.complainant(env.server, COMPLAINANT_PHONE);
    first = await complainant.file({
      type: 'parcel_damaged',
      description: '收到的包裹外包装严重破损，里面的陶瓷杯碎了',
      demand: '赔偿',
      fields: { waybill_number: 'YT9876543210', carrier: '圆通速递' },
    });
    second = await complainant.file({
      type: 'delivery_delayed',
      description: '快递已经延误五天，物流信息一直没有更新',
      demand: '尽快送达',
      fields: { waybill_number: 'ZT5555666677', carrier: '中通快递' },
    });

    // The dashboard counts them and leads to the list of the ones not yet started.
    await page.goto('/console');
    const notStarted = page.getByTestId('new-complaints-count');
    await notStarted.getByText('3').waitFor();
    await screenshot(page, 'console-dashboard-complaints');
    await notStarted.click();
    await page.waitForURL((url) => url.pathname === '/console/complaints');
    const row = page
      .getByTestId('complaints-table')
      .locator('tr.ant-table-row', { hasText: first });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('破损');
    await expect(row.innerText()).resolves.toContain('网页');
    await screenshot(page, 'console-complaints-list');

    await row.click();
    await page.waitForURL((url) => url.pathname === `/console/complaints/${first}`);
    await page.getByTestId('complaint-page').waitFor();
    await page.getByTestId('action-review').click();
    await waitForStage(page, '审核中');
    await page.getByTestId('action-investigate').click();
    await waitForStage(page, '调查中');

    // The request is prefilled with the type's two evidence items the person has not given.
    await page.getByTestId('action-request_materials').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const chosen = dialog.locator('.ant-select-selection-item');
    await expect(chosen.allInnerTexts()).resolves.toEqual(['外包装六面照片', '破损物品照片']);
    await page.getByTestId('materials-note').fill('请拍清楚快递面单和破损处');
    await screenshot(page, 'console-complaint-request-materials');
    await dialog.getByRole('button', { name: '发送要求' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForStage(page, '待补充材料');
    await page.getByTestId('open-material-request').getByText('破损物品照片').waitFor();
    await screenshot(page, 'console-complaint-awaiting');
    expect(errors).toEqual([]);
  });

  it('the complainant supplies an image; the agent sees it, verifies the chain and resolves', async () => {
    const { page, errors } = agent;
    await complainant.upload(first, [{ name: '破损照片.png', bytes: makePng() }], 'damage_photos');
    await complainant.post(`/api/v1/complaints/${first}/materials`, { note: '已上传破损照片' });

    await page.reload();
    await waitForStage(page, '调查中');
    const image = page.getByTestId('evidence-image').locator('img');
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await image.click();
    await page.locator('.ant-image-preview-img').waitFor();
    await screenshot(page, 'console-complaint-evidence-preview');
    await page.keyboard.press('Escape');
    await page.locator('.ant-image-preview-img').waitFor({ state: 'hidden' });

    // The agent adds a PDF the person e-mailed in; it opens in a new tab.
    await page
      .getByTestId('evidence-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '快递面单.pdf', mimeType: 'application/pdf', buffer: makePdf() });
    await page.getByTestId('evidence-chosen').getByText('快递面单.pdf').waitFor();
    await page.getByTestId('evidence-submit').click();
    const pdf = page.getByTestId('evidence-pdf');
    await pdf.waitFor();
    await expect(pdf.getAttribute('target')).resolves.toBe('_blank');
    await expect(pdf.getAttribute('href')).resolves.toMatch(/\/evidence\/2\/file$/);

    await page.getByTestId('evidence-verify').click();
    const verdict = page.getByTestId('verify-result');
    await verdict.waitFor();
    await expect(verdict.getAttribute('data-valid')).resolves.toBe('true');
    await expect(verdict.innerText()).resolves.toContain('证据链完整');
    await expect(verdict.innerText()).resolves.toContain('全部 2 条');
    await screenshot(page, 'console-complaint-evidence');

    await resolve(page, '经核实，包裹在运输途中破损，快递公司同意按声明价值赔偿 80 元。');
    await page.getByTestId('latest-opinion').getByText('同意按声明价值赔偿').waitFor();
    expect(errors).toEqual([]);
  });

  it('after an appeal, the agent cannot reconsider; the expert who resolved a case cannot either', async () => {
    const { page, errors } = agent;
    await complainant.post(`/api/v1/complaints/${first}/appeal`, { reason: '赔偿金额太低' });
    await page.reload();
    await waitForStage(page, '申诉中');
    await expect(page.getByTestId('action-start_reconsideration').count()).resolves.toBe(0);
    await expect(page.getByTestId('stage-note').innerText()).resolves.toContain('专家坐席或主管');
    await screenshot(page, 'console-complaint-appealed-agent');
    expect(errors).toEqual([]);

    // The agent holds the second complaint too; escalating it hands it to the expert seat, whose
    // assigner gives it to the expert.
    await openComplaint(page, second);
    await page.getByTestId('case-escalate').click();
    await page.getByTestId('escalate-form-reason').fill('投诉人多次催促，需要专家跟进');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /升级至专家坐席/ })
      .click();
    await page.getByTestId('case-escalated').waitFor();
    await expect(page.getByTestId('case-team').innerText()).resolves.toContain('专家坐席');
    await screenshot(page, 'console-complaint-escalated');
    expect(errors).toEqual([]);

    const expert = await loginAs(env, 'expert');
    await openComplaint(expert.page, second);
    await expert.page.getByTestId('case-assignee').getByText('李专家').waitFor();
    await expert.page.getByTestId('action-investigate').click();
    await waitForStage(expert.page, '调查中');
    await resolve(expert.page, '已催促快递公司派送，预计明日送达。');
    await complainant.post(`/api/v1/complaints/${second}/appeal`, { reason: '仍未收到' });
    await expert.page.reload();
    await waitForStage(expert.page, '申诉中');
    await expect(expert.page.getByTestId('action-start_reconsideration').count()).resolves.toBe(0);
    await expect(expert.page.getByTestId('stage-note').innerText()).resolves.toContain(
      '复议必须由原处理人以外的人员进行',
    );
    await screenshot(expert.page, 'console-complaint-reconsider-refused');
    // The server says the same when asked directly.
    const staff = await ApiClient.staff(env.server, STAFF_EMAILS.expert);
    const refusal = await staff.refusal(`/api/v1/complaints/${second}/transitions`, {
      action: 'start_reconsideration',
    });
    expect(refusal).toEqual({ status: 403, message: '复议必须由原处理人以外的人员进行' });

    // The first complaint was resolved by the agent, so the expert may reconsider it.
    await openComplaint(expert.page, first);
    await expert.page.getByTestId('action-start_reconsideration').click();
    await waitForStage(expert.page, '复议中');
    await resolve(expert.page, '复议后认定赔偿不足，改为按物品实际价值赔偿 150 元。');
    const timeline = expert.page.getByTestId('timeline-card');
    await expect(timeline.locator('[data-action=resolve]').count()).resolves.toBe(2);
    await expect(timeline.innerText()).resolves.toContain('专家坐席');
    await screenshot(expert.page, 'console-complaint-reconsidered');

    // In English the page's own words change; only the case's data stays as written.
    await expert.page.getByTestId('lang-switch').click();
    await expert.page.getByText('Processing record').waitFor();
    await expect(expert.page.getByTestId('complaint-header').innerText()).resolves.toContain(
      'Resolved',
    );
    await screenshot(expert.page, 'console-complaint-en');
    expect(expert.errors).toEqual([]);
    await expert.context.close();
    await agent.context.close();
  });

  it('a merchant has no staff complaint pages', async () => {
    const { page, context, errors } = await loginAs(env, 'merchant');
    // Merchants answer their own shops' cases in their inbox, never the staff list.
    expect(await menuItems(page)).not.toContain('投诉处理');
    await page.goto('/console/complaints');
    await page.getByTestId('forbidden').waitFor();
    await screenshot(page, 'console-complaints-403-merchant');
    expect(errors).toEqual([]);
    await context.close();
  });
});
