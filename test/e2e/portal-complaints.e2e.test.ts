// The complainant's side of the portal, phone-sized first: file a complaint with evidence, follow
// it through a materials request, a result, an appeal and a reconsideration — staff doing their
// part in the console, in the same journey — rate it; track it without logging in; the
// client-side checks; English.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeExe, makeJpeg, makePdf, makePng, MB } from '../helpers/files.js';
import {
  DESKTOP,
  HAN,
  openPage,
  pageWidth,
  PHONE,
  screenshot,
  SCREENSHOT_DIR,
  settle,
  useJourneyEnv,
  waitForOtp,
} from './support.js';
import {
  consoleLogin,
  openConsoleComplaint,
  requestMaterialsInConsole,
  resolveInConsole,
  waitForStage,
} from './console-steps.js';

/** Fresh complainants, so no earlier journey's resend cool-down or complaints get in the way. */
const FILER_PHONE = '13912340001';
const ENGLISH_PHONE = '13912340002';
const RETRY_PHONE = '13912340003';

/** A complaint number whose check character (ISO 7064 MOD 11-2) is deliberately wrong. */
function mistypedNumber(): string {
  const digits = '20260101000123';
  let sum = 0;
  for (const ch of digits) sum = ((sum + Number(ch)) * 2) % 11;
  const check = (12 - sum) % 11;
  return `TS${digits.slice(0, 8)}-${digits.slice(8)}-${(check + 1) % 10}`;
}

const png = (name: string, bytes?: number) => ({
  name,
  mimeType: 'image/png',
  buffer: makePng(bytes),
});

describe('complainant complaint journeys', { timeout: 240_000 }, () => {
  const env = useJourneyEnv();
  /** The number filed in the first journey, tracked in the next. */
  let filed = '';

  async function logIn(page: Page, target: string): Promise<void> {
    await page.getByTestId('login-target').fill(target);
    const previous = env.server.lastOtp(target);
    await page.getByTestId('send-code').click();
    const code = await waitForOtp((t) => env.server.lastOtp(t), target, previous);
    await page.getByTestId('login-code').fill(code);
    await page.getByTestId('login-submit').click();
  }

  async function stage(page: Page): Promise<string> {
    return page.getByTestId('stage-label').innerText();
  }

  async function openComplaint(page: Page, errors: string[]): Promise<void> {
    await page.goto(`/complaints/${filed}`);
    await page
      .getByTestId('stage-card')
      .waitFor()
      .catch(async (error: unknown) => {
        const text = await page.locator('.portal-main').innerText();
        throw new Error(
          `complaint page did not load: ${String(error)}\n${text}\n${errors.join('\n')}`,
        );
      });
    await settle(page);
  }

  it('files an express complaint with two photos, then follows it to a rating', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);

    // Filing needs a login, and comes back to the wizard after it.
    await page.goto('/file');
    await page.waitForURL((url) => url.pathname === '/login');
    await logIn(page, FILER_PHONE);
    await page.waitForURL((url) => url.pathname === '/file');
    await page.getByTestId('step-category').waitFor();
    await screenshot(page, 'file-1-category');
    expect(await pageWidth(page)).toBe(PHONE.width);

    // A judicial claim is refused with guidance instead of going on.
    await page.getByTestId('category-judicial').click();
    await page.getByTestId('refusal-notice').waitFor();
    await expect(page.getByTestId('step-category').isVisible()).resolves.toBe(true);
    await screenshot(page, 'file-1-judicial-refused');

    // One sentence in the search box leads straight to the details of 丢件.
    await page.getByTestId('suggest-input').fill('快递显示已签收，但我没收到包裹，快递丢了');
    const suggestion = page.getByTestId('suggestions').getByRole('button', { name: /丢件/ });
    await suggestion.waitFor();
    await screenshot(page, 'file-2-suggestions');
    await suggestion.click();
    await page.getByTestId('step-details').waitFor();

    // The description starts from the sentence; a 201-character one is flagged and blocked.
    await expect(page.getByTestId('description').inputValue()).resolves.toContain('快递丢了');
    await page.getByTestId('details-next').click();
    await page.getByText('请填写运单号').waitFor();
    await page.getByTestId('field-waybill_number').fill('sf 1234 5678 90');
    await page.getByTestId('field-carrier').fill('顺丰速运');
    await page.getByTestId('description').fill('丢'.repeat(201));
    await page.getByTestId('description-counter').getByText('已输入 201/200').waitFor();
    // Red at the limit.
    await expect(page.getByTestId('description-counter').getAttribute('class')).resolves.toContain(
      'cx-counter-over',
    );
    await page.getByTestId('details-next').click();
    await page.getByText('问题描述最多 200 个字，请精简后再提交').waitFor();
    await expect(page.getByText('请选择或填写您的诉求').isVisible()).resolves.toBe(true);
    await screenshot(page, 'file-3-details-too-long');

    await page
      .getByTestId('description')
      .fill('11月20日快递显示已签收，但我和家人都没有收到，快递员电话一直无人接听。');
    // The field errors fold away with an animation that moves what is below; let it finish.
    await page.getByText('问题描述最多 200 个字，请精简后再提交').waitFor({ state: 'detached' });
    await page.getByTestId('demand-chips').getByText('退款').click();
    await page.getByTestId('demand-text').fill('退还运费');
    await expect(page.getByTestId('contact-name').inputValue()).resolves.not.toBe('');
    await screenshot(page, 'file-3-details');
    await page.getByTestId('details-next').click();

    // Evidence: a 6 MB PNG is refused in the browser; two photos are held for submission.
    await page.getByTestId('step-evidence').waitFor();
    const picker = page.getByTestId('evidence-timeline_evidence').locator('input[type=file]');
    await picker.setInputFiles([png('大图.png', 6 * MB)]);
    await page.getByText('“大图.png”（6 MB）太大：PNG 图片不能超过 5 MB。').waitFor();
    await screenshot(page, 'file-4-evidence-too-large');
    await picker.setInputFiles([png('物流轨迹1.png', 300_000), png('物流轨迹2.png', 400_000)]);
    await page.getByTestId('evidence-timeline_evidence').getByText('物流轨迹2.png').waitFor();
    await screenshot(page, 'file-4-evidence');
    await page.getByTestId('evidence-next').click();

    // Review shows everything; submit files it and uploads the photos.
    await page.getByTestId('step-review').waitFor();
    const review = await page.getByTestId('step-review').innerText();
    for (const text of ['丢件', 'SF1234567890', '顺丰速运', '退款；退还运费', '物流轨迹1.png']) {
      expect(review).toContain(text);
    }
    await screenshot(page, 'file-5-review');
    // Slow the upload down enough to see its progress bar (as on a phone network).
    await page.route(
      '**/api/v1/complaints/*/evidence',
      async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await route.continue();
      },
      { times: 1 },
    );
    await page.getByTestId('filing-submit').dblclick();
    await page.getByTestId('upload-progress').waitFor();
    // Not screenshot(): it waits for the network to go quiet, i.e. for the upload to end.
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'file-6-uploading.png') });
    await page.getByTestId('filing-done').waitFor();
    await page.getByTestId('upload-done').waitFor();
    filed = (await page.getByTestId('complaint-number').first().innerText()).trim();
    expect(filed).toMatch(/^TS\d{8}-\d{6}-[0-9X]$/);
    await expect(page.getByTestId('done-stage').innerText()).resolves.toBe('已受理');
    await screenshot(page, 'file-6-done');
    expect(await pageWidth(page)).toBe(PHONE.width);

    // 我的投诉 lists it (once: the double click filed one complaint).
    await page.getByTestId('done-list').click();
    await page.getByTestId('complaint-list').waitFor();
    const cards = page.getByTestId('complaint-card');
    await expect(cards.count()).resolves.toBe(1);
    await expect(cards.first().innerText()).resolves.toContain(filed);
    await screenshot(page, 'list');
    await cards.first().click();
    await page.getByTestId('stage-card').waitFor();
    await expect(page.getByTestId('evidence-list').locator('li').count()).resolves.toBe(2);
    await screenshot(page, 'complaint-accepted');

    // More evidence can be added while the case is open (also how a failed upload is retried).
    await page.getByTestId('add-evidence').click();
    await page
      .getByTestId('add-evidence-files')
      .locator('input[type=file]')
      .setInputFiles([
        { name: '购物凭证.pdf', mimeType: 'application/pdf', buffer: makePdf(80_000) },
      ]);
    await page.getByTestId('add-evidence-submit').click();
    await page.getByTestId('add-evidence-form').waitFor({ state: 'detached' });
    await expect(page.getByTestId('evidence-list').locator('li').count()).resolves.toBe(3);

    // An agent, in the console, asks for materials; the complainant sees exactly those items.
    const agent = await consoleLogin(env, 'agent');
    await openConsoleComplaint(agent.page, filed);
    await agent.page.getByTestId('action-investigate').click();
    await waitForStage(agent.page, '调查中');
    const asked = await requestMaterialsInConsole(
      agent.page,
      '请补充快递面单和签收记录，便于我们与快递公司核实。',
    );
    expect(asked.length).toBeGreaterThan(0);
    await screenshot(agent.page, 'journey-agent-requested-materials');
    await openComplaint(page, errors);
    await expect(stage(page)).resolves.toBe('待补充材料');
    const items = await page.getByTestId('requested-items').locator('li').allInnerTexts();
    expect(items).toEqual(asked);
    await screenshot(page, 'complaint-materials-requested');
    await page
      .getByTestId('materials-files')
      .locator('input[type=file]')
      .setInputFiles([
        { name: '快递面单.jpg', mimeType: 'image/jpeg', buffer: makeJpeg(200_000) },
        png('签收记录.png', 150_000),
      ]);
    await page.getByTestId('materials-note').fill('面单和签收记录截图已上传。');
    await page.getByTestId('materials-submit').click();
    await page.getByTestId('materials-card').waitFor({ state: 'detached' });
    await expect(stage(page)).resolves.toBe('调查中');
    await expect(page.getByTestId('evidence-list').locator('li').count()).resolves.toBe(5);
    await screenshot(page, 'complaint-materials-supplied');

    // The agent resolves in the console; the complainant appeals with a reason and a new photo.
    await agent.page.reload();
    await waitForStage(agent.page, '调查中');
    await resolveInConsole(agent.page, '经核实，快递已妥投至代收点，不予赔付。');
    expect(agent.errors).toEqual([]);
    await agent.context.close();
    await openComplaint(page, errors);
    await expect(stage(page)).resolves.toBe('处理完成');
    await page.getByTestId('latest-opinion').getByText('不予赔付').waitFor();
    await page.getByTestId('appeal-deadline').waitFor();
    await screenshot(page, 'complaint-resolved');
    await page.getByTestId('appeal-reason').fill('代收点从未收到该包裹，附代收点出具的说明。');
    await page
      .getByTestId('appeal-files')
      .locator('input[type=file]')
      .setInputFiles([png('代收点说明.png', 120_000)]);
    await page.getByTestId('appeal-submit').click();
    await page.getByTestId('appeal-card').waitFor({ state: 'detached' });
    await expect(stage(page)).resolves.toBe('申诉中');
    await expect(page.getByTestId('evidence-list').locator('li').count()).resolves.toBe(6);
    await screenshot(page, 'complaint-appealed');

    // An expert (not the first resolver) reconsiders in the console and resolves; the
    // complainant rates it.
    const expert = await consoleLogin(env, 'expert');
    await openConsoleComplaint(expert.page, filed);
    await expert.page.getByTestId('action-start_reconsideration').click();
    await waitForStage(expert.page, '复议中');
    await resolveInConsole(expert.page, '复议认定包裹遗失，快递公司全额退款并补偿运费。');
    await screenshot(expert.page, 'journey-expert-reconsidered');
    expect(expert.errors).toEqual([]);
    await expert.context.close();
    await openComplaint(page, errors);
    await expect(stage(page)).resolves.toBe('处理完成');
    await page.getByTestId('rating-card').waitFor();
    await page.getByTestId('rating-card').locator('.ant-rate-star').nth(4).click();
    await page.getByTestId('rating-comment').fill('复议很及时，谢谢。');
    await screenshot(page, 'complaint-rating');
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-given').waitFor();
    await expect(
      page.getByTestId('rating-given').locator('.ant-rate-star-full').count(),
    ).resolves.toBe(5);

    // The processing chain shows every step; the evidence chain verifies.
    const chain = await page.getByTestId('complaint-timeline').innerText();
    for (const step of [
      '提交投诉',
      '请您补充材料',
      '已补充材料',
      '提出申诉',
      '开始复议',
      '处理完成',
    ]) {
      expect(chain).toContain(step);
    }
    await page.getByTestId('verify-evidence').click();
    await page.getByTestId('verify-result').getByText('证据链完整').waitFor();
    await screenshot(page, 'complaint-rated-verified');
    expect(await pageWidth(page)).toBe(PHONE.width);

    // The same pages at desktop size, with the same session.
    const desktop = await openPage(env.browser, env.server.baseUrl, DESKTOP);
    await desktop.context.addCookies(await context.cookies());
    await desktop.page.goto('/complaints');
    await desktop.page.getByTestId('complaint-list').waitFor();
    await screenshot(desktop.page, 'list-desktop');
    await desktop.page.goto(`/complaints/${filed}`);
    await desktop.page.getByTestId('stage-card').waitFor();
    await screenshot(desktop.page, 'complaint-desktop');
    await desktop.page.goto('/file');
    await desktop.page.getByTestId('step-category').waitFor();
    await screenshot(desktop.page, 'file-desktop');
    expect(desktop.errors).toEqual([]);
    await desktop.context.close();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('tracks by number and phone without logging in; a wrong check character is caught', async () => {
    expect(filed).not.toBe('');
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
    await page.goto('/track');
    await page.getByTestId('track-number').fill('TS2026');
    await page.getByTestId('track-contact').fill(FILER_PHONE);
    await page.getByTestId('track-submit').click();
    await page.getByText('投诉编号格式应为 TS + 8 位日期').waitFor();

    const last = filed.slice(-1);
    const wrong = `${filed.slice(0, -1)}${last === '0' ? '1' : '0'}`;
    await page.getByTestId('track-number').fill(wrong.toLowerCase());
    await page.getByTestId('track-submit').click();
    await page.getByText('投诉编号校验位不符，请检查是否输错').waitFor();
    await screenshot(page, 'track-bad-check');

    await page.getByTestId('track-number').fill(filed);
    await page.getByTestId('track-submit').click();
    await page.getByTestId('complaint-view').waitFor();
    await expect(stage(page)).resolves.toBe('处理完成');
    // Read-only: no actions, and no personal data in clear.
    await expect(page.getByTestId('rating-card').count()).resolves.toBe(0);
    await expect(page.getByTestId('verify-evidence').count()).resolves.toBe(0);
    expect(await page.getByTestId('complaint-view').innerText()).not.toContain(FILER_PHONE);
    await screenshot(page, 'track-result');
    expect(await pageWidth(page)).toBe(PHONE.width);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a file the server refuses leaves the complaint filed; a repeat filing is linked', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
    await page.goto('/login?redirect=%2Ffile');
    await logIn(page, RETRY_PHONE);
    await page.getByTestId('step-category').waitFor();

    // A check only the server makes (the earlier case number's check character) comes back
    // onto its field, at the details step.
    await page.getByTestId('category-cs_quality').click();
    await page.getByTestId('type-agent_handling').click();
    await page.getByTestId('field-previous_case_number').fill(mistypedNumber());
    await page.getByTestId('description').fill('上次投诉的处理人员态度敷衍，问题没有解决。');
    await page.getByTestId('demand-chips').getByText('说明情况').click();
    await page.getByTestId('details-next').click();
    await page.getByTestId('evidence-next').click();
    await page.getByTestId('filing-submit').click();
    await page.getByTestId('step-details').waitFor();
    await page.getByText('投诉编号校验位不符，请检查是否输错').waitFor();
    await screenshot(page, 'file-server-field-error');
    await page.goto('/file');
    await page.getByTestId('step-category').waitFor();

    const fileDamaged = async (evidence: { name: string; mimeType: string; buffer: Buffer }) => {
      await page.getByTestId('category-express_delivery').click();
      await page.getByTestId('type-parcel_damaged').click();
      await page.getByTestId('field-waybill_number').fill('YT9876543210');
      await page.getByTestId('field-carrier').fill('圆通速递');
      await page.getByTestId('description').fill('收到的包裹外箱压扁，里面的杯子碎了。');
      await page.getByTestId('demand-chips').getByText('赔偿').click();
      await page.getByTestId('details-next').click();
      await page
        .getByTestId('evidence-damage_photos')
        .locator('input[type=file]')
        .setInputFiles([evidence]);
      await page.getByTestId('evidence-next').click();
      await page.getByTestId('filing-submit').click();
      await page.getByTestId('filing-done').waitFor();
    };

    // Named like a photo, but not one: the browser lets it through, the server reads the content.
    await fileDamaged({ name: '破损照片.png', mimeType: 'image/png', buffer: makeExe() });
    await page.getByTestId('upload-failed').waitFor();
    await page.getByText('投诉已提交成功，但有 1 个文件未能上传').waitFor();
    await expect(page.getByTestId('upload-failed').innerText()).resolves.toContain('破损照片.png');
    const number = (await page.getByTestId('complaint-number').innerText()).trim();
    await screenshot(page, 'file-upload-failed');

    // Filing the same problem again links to the open complaint instead of opening another.
    await page.goto('/file');
    await page.getByTestId('step-category').waitFor();
    await fileDamaged(png('破损照片2.png', 90_000));
    await page.getByTestId('linked-notice').waitFor();
    await expect(page.getByTestId('complaint-number').innerText()).resolves.toBe(number);
    await page.getByTestId('send-held').click();
    await page.getByTestId('upload-done').waitFor();
    await screenshot(page, 'file-linked');
    await page.getByTestId('done-view').click();
    await page.getByTestId('evidence-list').getByText('破损照片2.png').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders the complaint pages in English', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE, {
      lang: 'en',
    });
    await page.goto('/complaints');
    await page.waitForURL((url) => url.pathname === '/login');
    await logIn(page, ENGLISH_PHONE);
    await page.waitForURL((url) => url.pathname === '/complaints');
    await page.getByTestId('list-empty').waitFor();
    await settle(page);
    expect(
      (await page.locator('.portal-main, .portal-tabbar').allInnerTexts()).join('\n'),
    ).not.toMatch(HAN);
    await screenshot(page, 'list-empty-en');

    await page.getByTestId('list-file').first().click();
    await page.getByTestId('step-category').waitFor();
    await page.getByTestId('category-express_delivery').click();
    await page.getByTestId('type-parcel_lost').click();
    await page.getByTestId('step-details').waitFor();
    await page.getByTestId('details-next').click();
    await page.getByText('Waybill number is required').waitFor();
    await settle(page);
    expect(await page.locator('.portal-main').innerText()).not.toMatch(HAN);
    await screenshot(page, 'file-details-en');

    // File one in English and read it back: stage, chain and labels all in English.
    await page.getByTestId('field-waybill_number').fill('JD0012345678');
    await page.getByTestId('field-carrier').fill('JD Logistics');
    await page.getByTestId('description').fill('The parcel shows as delivered but never arrived.');
    await page.getByText('Please describe the problem').waitFor({ state: 'detached' });
    await page.getByTestId('demand-chips').getByText('Resend').click();
    await page.getByTestId('contact-name').fill('Alex');
    await page.getByTestId('details-next').click();
    await page.getByTestId('evidence-next').click();
    await page.getByTestId('step-review').waitFor();
    await screenshot(page, 'file-review-en');
    await page.getByTestId('filing-submit').click();
    await page.getByTestId('filing-done').waitFor();
    await settle(page);
    expect(await page.locator('.portal-main').innerText()).not.toMatch(HAN);
    await screenshot(page, 'file-done-en');
    await page.getByTestId('done-view').click();
    await page.getByTestId('stage-card').waitFor();
    await settle(page);
    expect(await page.locator('.portal-main').innerText()).not.toMatch(HAN);
    await screenshot(page, 'complaint-en');

    await page.goto('/track');
    await page.getByTestId('track-submit').waitFor();
    await settle(page);
    expect(await page.locator('.portal-main').innerText()).not.toMatch(HAN);
    await screenshot(page, 'track-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
