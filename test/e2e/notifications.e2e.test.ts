// Notifications in the browser (Stage 5). A complainant files a complaint and the bell rings at
// once, live; an agent asks for materials and the complainant's bell and a toast say so while
// the page follows; materials are supplied, the agent (whose console bell heard of it) resolves.
// The outbox is then delivered to a real SMTP server and the SMS memory adapter: the accepted,
// materials and result mails (the result with the receipt PDF) and texts arrive. The receipt's
// code verifies on its public page, the signed link in the SMS opens the tracking view without a
// login, and an altered or expired link gets a friendly page. An appeal and its reconsideration
// reach the bell too. Admins edit a template (an unknown variable is refused under the field),
// preview it with a real complaint and save it, and see and retry a dead letter.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatchOutbox, linkKey } from '../../src/modules/notifications/index.js';
import { MemorySmsProvider } from '../../src/modules/notifications/channels/dev-sms.js';
import { smtpEmailSender } from '../../src/modules/notifications/channels/email.js';
import { ChannelError } from '../../src/modules/notifications/channels/types.js';
import { signTrackingToken } from '../../src/modules/notifications/links.js';
import { quietHoursEnd } from '../../src/modules/notifications/policy.js';
import { makePng } from '../helpers/files.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import {
  consoleLogin,
  openConsoleComplaint,
  requestMaterialsInConsole,
  resolveInConsole,
  waitForStage,
} from './console-steps.js';
import { fileQualityDispute, portalLogin } from './portal-steps.js';
import {
  COMPLAINANT_PHONE,
  HAN,
  menuItems,
  openPage,
  PHONE,
  screenshot,
  SCREENSHOT_DIR,
  settle,
  useJourneyEnv,
  type OpenedPage,
} from './support.js';

/**
 * The journey's server has real delivery channels (an SMTP sink, the SMS memory adapter); the
 * journey runs the outbox on its database the way a worker would.
 */
function useNotificationsEnv() {
  let sink: SmtpSink | undefined;
  const sms = new MemorySmsProvider();
  const env = useJourneyEnv(async () => {
    sink = await startSmtpSink();
    return {
      channels: {
        sms,
        email: smtpEmailSender({ url: sink.url, from: 'Redress <no-reply@redress.test>' }),
        wechat: null,
      },
    };
  });
  afterAll(async () => sink?.close());
  return {
    sms,
    get server() {
      return env.server;
    },
    get browser() {
      return env.browser;
    },
    get app() {
      return env.app;
    },
    get sink() {
      if (!sink) throw new Error('SMTP sink not started');
      return sink;
    },
  };
}

/** Pops the bell's panel open and waits for its list (or its empty state). */
async function openBell(page: Page): Promise<void> {
  await page.getByTestId('bell').click();
  await page.getByTestId('bell-panel').waitFor();
  await settle(page);
}

async function closeBell(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('bell-panel').waitFor({ state: 'detached' });
}

/** A full-page screenshot without waiting for network idle. */
async function capture(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600);
  const viewport = page.viewportSize();
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  if (viewport && height > viewport.height) await page.setViewportSize({ ...viewport, height });
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
}

/** A toast the bell raised, by its title. */
function toast(page: Page, title: string) {
  return page
    .getByTestId('bell-toast')
    .locator('.ant-notification-notice-title', { hasText: title });
}

function unread(page: Page, count: number) {
  return page.locator(`[data-testid=bell][data-unread="${count}"]`).waitFor();
}

describe(
  'notifications: bell, delivery, receipts, links and the admin pages',
  { timeout: 360_000 },
  () => {
    const env = useNotificationsEnv();
    let number = '';
    let receiptCode = '';
    let receiptSha = '';
    let trackToken = '';
    let trackLink = '';
    /** The complainant's phone, logged in once (a second code within a minute would wait). */
    let portal: OpenedPage | undefined;

    /** Delivers the outbox as the worker does, at a time outside SMS quiet hours. */
    async function dispatch() {
      const now = new Date();
      // 22:00–08:00 in China holds SMS back; deliver as the worker would on the morning after.
      const at = quietHoursEnd(now, 'Asia/Shanghai') ?? now;
      return dispatchOutbox({
        db: env.app.database.db,
        clock: { now: () => at },
        channels: {
          sms: env.sms,
          email: smtpEmailSender({ url: env.sink.url, from: 'Redress <no-reply@redress.test>' }),
          wechat: null,
        },
        publicUrl: env.server.baseUrl,
      });
    }

    const mailsFor = () => env.sink.mails.filter((m) => m.subject?.includes(number));
    const textsFor = () =>
      env.sms.sent.filter((s) => s.to === COMPLAINANT_PHONE && s.text.includes(number));

    it('the complaint journey rings the bell live, and every channel delivers', async () => {
      portal = await portalLogin(env, COMPLAINANT_PHONE);
      const { page } = portal;

      // 我的 → 通知设置: where each channel goes; WeChat is not offered here.
      const settings = page.getByTestId('notification-settings');
      await settings.getByTestId('pref-sms').waitFor();
      await expect(settings.getByTestId('pref-sms').innerText()).resolves.toContain('138****8000');
      await expect(settings.getByTestId('pref-email').innerText()).resolves.toMatch(/发送至 .+@/);
      await expect(settings.getByTestId('pref-wechat').innerText()).resolves.toContain('未开通');
      await expect(settings.getByTestId('pref-in_app').innerText()).resolves.toContain('始终开启');
      await expect(settings.getByTestId('pref-quiet-hours').innerText()).resolves.toContain(
        '22:00–08:00',
      );
      // Hong Kong keeps China's clock, so the quiet hours the journey runs in do not move.
      await settings.getByTestId('pref-time-zone').click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
          hasText: '香港',
        })
        .click();
      await page.getByText('通知设置已保存').waitFor();
      await expect(settings.getByTestId('pref-time-zone').innerText()).resolves.toContain('香港');
      await screenshot(page, 'notifications-1-me-settings');

      // Start from a quiet bell (the demo data may have rung it already).
      await page.getByTestId('bell').waitFor();
      await page.locator('[data-testid=bell][data-live=open]').waitFor();
      if ((await page.getByTestId('bell').getAttribute('data-unread')) !== '0') {
        await openBell(page);
        await page.getByTestId('bell-read-all').click();
        await unread(page, 0);
        await closeBell(page);
      }

      // Filing rings the bell on this page, live, with a toast.
      await page.goto('/');
      await page.locator('[data-testid=bell][data-live=open]').waitFor();
      number = await fileQualityDispute(page, 'JD-NT-0001', '收到的电饭煲内胆有划痕，商家拒绝退换');
      await unread(page, 1);
      await toast(page, '投诉已受理').waitFor();
      await page.getByTestId('bell-toast').waitFor({ state: 'detached', timeout: 10_000 });
      await openBell(page);
      const first = page.getByTestId('bell-item').first();
      await expect(first.getAttribute('data-unread')).resolves.toBe('true');
      await expect(first.innerText()).resolves.toContain(number);
      await expect(page.getByTestId('bell-unread').innerText()).resolves.toBe('1 条未读');
      await screenshot(page, 'notifications-2-portal-bell');

      // Following it opens the complaint and marks it read.
      await first.click();
      await page.waitForURL((url) => url.pathname === `/complaints/${number}`);
      await page.getByTestId('stage-card').waitFor();
      await unread(page, 0);
      await expect(page.getByTestId('receipt-pending').isVisible()).resolves.toBe(true);

      // The agent asks for materials: the bell rings and the page shows the request, no reload.
      const agent = await consoleLogin(env, 'agent');
      await openConsoleComplaint(agent.page, number);
      await agent.page.getByTestId('action-investigate').click();
      await waitForStage(agent.page, '调查中');
      await requestMaterialsInConsole(agent.page, '请补充商品划痕的照片和购买凭证。');
      await unread(page, 1);
      await toast(page, '请补充材料').waitFor();
      await page.getByTestId('materials-card').waitFor();
      // Not screenshot(): it waits for the page to settle, and the toast would be gone.
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, 'notifications-3-portal-toast.png'),
      });

      await page
        .getByTestId('materials-files')
        .locator('input[type=file]')
        .setInputFiles([{ name: '划痕照片.png', mimeType: 'image/png', buffer: makePng(120_000) }]);
      await page.getByTestId('materials-note').fill('照片和订单截图已上传。');
      await page.getByTestId('materials-submit').click();
      await page.getByTestId('materials-card').waitFor({ state: 'detached' });

      // The agent's console bell heard the materials arrive.
      const agentBell = agent.page.locator('[data-testid=bell]:not([data-unread="0"])');
      await agentBell.waitFor();
      await openBell(agent.page);
      await agent.page
        .locator('[data-testid=bell-item][data-node=staff_materials_supplied]', { hasText: number })
        .waitFor();
      await screenshot(agent.page, 'notifications-4-console-bell');
      await closeBell(agent.page);

      await agent.page.reload();
      await waitForStage(agent.page, '调查中');
      await resolveInConsole(agent.page, '经核实，商家同意退货退款并承担运费。');
      expect(agent.errors).toEqual([]);
      await agent.context.close();

      // The result: bell, toast, and the receipt to download.
      await toast(page, '投诉处理结果').waitFor();
      await page.getByTestId('download-receipt').waitFor();
      const [receipt] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-receipt').click(),
      ]);
      expect(receipt.suggestedFilename()).toBe(`receipt-${number}.pdf`);
      const [report] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-progress').click(),
      ]);
      expect(report.suggestedFilename()).toBe(`progress-${number}.pdf`);
      await screenshot(page, 'notifications-5-portal-result');

      // The worker delivers: three mails (the result with the receipt PDF) and three texts.
      await dispatch();
      await env.sink.waitFor(3);
      const subjects = mailsFor().map((m) => m.subject);
      expect(subjects).toEqual(
        expect.arrayContaining([
          `投诉已受理 | ${number}`,
          `请补充材料 | ${number}`,
          `投诉处理结果 | ${number}`,
        ]),
      );
      const result = mailsFor().find((m) => m.subject?.startsWith('投诉处理结果'));
      const pdf = result?.attachments.find((a) => a.contentType === 'application/pdf');
      expect(pdf?.filename).toBe(`receipt-${number}.pdf`);
      receiptSha = createHash('sha256').update(pdf!.content).digest('hex');
      receiptCode =
        /回执验证码 ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(result?.text ?? '')?.[1] ?? '';
      expect(receiptCode).not.toBe('');
      const texts = textsFor();
      expect(texts.map((s) => s.node)).toEqual(['accepted', 'materials_requested', 'result']);
      trackLink = /https?:\/\/\S+\/t\/\S+/.exec(texts[0]!.text)?.[0] ?? '';
      expect(trackLink.startsWith(`${env.server.baseUrl}/t/${number}.`)).toBe(true);
      trackToken = trackLink.slice(trackLink.indexOf('/t/') + 3);
      expect(trackToken).not.toBe('');
      expect(portal.errors).toEqual([]);
    });

    it('the receipt verifies on its public page; an unknown code asks again', async () => {
      const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
      await page.goto('/receipts/0000-0000-0000');
      await page.getByTestId('receipt-not-found').getByText('未找到该回执，请核对验证码').waitFor();
      await screenshot(page, 'notifications-6-receipt-not-found');
      await page
        .getByTestId('receipt-code-input')
        .fill(receiptCode.toLowerCase().replace(/-/g, ''));
      await page.getByTestId('receipt-code-submit').click();
      await page.waitForURL((url) => url.pathname === `/receipts/${receiptCode}`);
      const verdict = page.getByTestId('receipt-verdict');
      await verdict.getByText('回执有效').waitFor();
      await expect(verdict.getAttribute('data-valid')).resolves.toBe('true');
      await expect(page.getByTestId('receipt-facts').innerText()).resolves.toContain(number);
      const shown = (await page.getByTestId('receipt-pdf-sha256').innerText()).replace(/\s/g, '');
      expect(shown).toBe(receiptSha);
      await screenshot(page, 'notifications-7-receipt-valid');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('the signed link in the SMS opens, as sent, without a login', async () => {
      const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
      // Exactly what a phone does with the link in the text.
      const response = await page.goto(trackLink);
      expect(
        response?.status(),
        'the server must answer /t/<number>.<expiry>.<mac> with the web app (index.html)',
      ).toBe(200);
      await page.getByTestId('complaint-view').waitFor();
      await expect(page.getByTestId('stage-label').innerText()).resolves.toBe('处理完成');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('the tracking-link page shows the complaint, and explains an altered or expired link', async () => {
      const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
      // Reached inside the web app, so the page is checked whatever the server does with a
      // first request for a dotted path (see the test above).
      await page.goto('/track');
      const open = async (token: string) => {
        await page.evaluate(
          `history.pushState(null, '', ${JSON.stringify(`/t/${token}`)});` +
            `dispatchEvent(new PopStateEvent('popstate'));`,
        );
        await page.waitForURL((url) => url.pathname === `/t/${token}`);
      };
      await open(trackToken);
      await page.getByTestId('complaint-view').waitFor();
      await expect(page.getByTestId('stage-label').innerText()).resolves.toBe('处理完成');
      await expect(page.getByTestId('complaint-number').first().innerText()).resolves.toContain(
        number,
      );
      await screenshot(page, 'notifications-8-link-tracking');

      const altered = trackToken.slice(0, -2) + (trackToken.endsWith('AA') ? 'BB' : 'AA');
      await open(altered);
      const problem = page.getByTestId('link-problem');
      await problem.getByText('链接无效').first().waitFor();
      await expect(problem.getAttribute('data-code')).resolves.toBe('link_invalid');
      await expect(problem.innerText()).resolves.toContain('凭投诉编号查询');
      await screenshot(page, 'notifications-9-link-invalid');

      // A link that ran out yesterday, signed with this server's own key.
      const key = await linkKey(env.app.database.db);
      const old = signTrackingToken(key, number, new Date(Date.now() - 24 * 3600_000));
      await open(old);
      await problem.getByText('链接已过期').first().waitFor();
      await expect(problem.getAttribute('data-code')).resolves.toBe('link_expired');
      await screenshot(page, 'notifications-10-link-expired');
      await page.getByTestId('link-track').click();
      await page.waitForURL((url) => url.pathname === '/track');
      await page.getByTestId('track-number').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });

    it('an appeal and its reconsideration reach the bell and the mailbox', async () => {
      if (!portal) throw new Error('the complainant journey did not run');
      const { page } = portal;
      await page.goto(`/complaints/${number}`);
      await page.getByTestId('appeal-card').waitFor();
      await page.locator('[data-testid=bell][data-live=open]').waitFor();
      await page.getByTestId('appeal-reason').fill('退款金额少算了运费，附快递单。');
      await page.getByTestId('appeal-submit').click();
      await page.getByTestId('appeal-card').waitFor({ state: 'detached' });

      const expert = await consoleLogin(env, 'expert');
      await openConsoleComplaint(expert.page, number);
      await expert.page.getByTestId('action-start_reconsideration').click();
      await waitForStage(expert.page, '复议中');
      // The appeal is "accepted" when reconsideration starts.
      await toast(page, '申诉已受理').waitFor();
      await resolveInConsole(expert.page, '复议认定运费应一并退还，商家已补退。');
      expect(expert.errors).toEqual([]);
      await expert.context.close();

      await toast(page, '复议结果').waitFor();
      await openBell(page);
      const nodes = await page
        .getByTestId('bell-item')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-node')));
      expect(nodes.slice(0, 2)).toEqual(['appeal_decided', 'appeal_accepted']);
      await closeBell(page);

      // The SMS provider refuses the next text for good: it becomes a dead letter.
      env.sms.failNext(new ChannelError('短信模板未审核通过', false, 'TemplateNotApproved'));
      const run = await dispatch();
      expect(run.dead).toBe(1);
      const subjects = mailsFor().map((m) => m.subject);
      expect(subjects).toEqual(
        expect.arrayContaining([`申诉已受理 | ${number}`, `复议结果 | ${number}`]),
      );
      expect(portal.errors).toEqual([]);
      await portal.context.close();
    });

    it('admins edit, preview and save a template, and retry a dead letter', async () => {
      const admin = await consoleLogin(env, 'admin');
      const { page } = admin;
      const menu = await menuItems(page);
      expect(menu).toEqual(expect.arrayContaining(['通知模板', '消息投递']));

      await page.getByTestId('console-menu').getByText('通知模板').click();
      await page.getByTestId('templates-page').waitFor();
      await page.getByTestId('template-nodes').getByTestId('node-materials_requested').click();
      await page.locator('[data-testid=template-detail][data-node=materials_requested]').waitFor();
      await page.getByTestId('channel-tab-sms').click();
      // The editor is drawn afresh per template: wait for the SMS one before typing.
      const editor = page.locator(
        '[data-testid=template-editor][data-node=materials_requested][data-channel=sms]',
      );
      await editor.waitFor();
      const body = editor.getByTestId('template-body');
      await expect(body.inputValue()).resolves.toContain('{{items}}');

      // An unknown variable is refused, under the field.
      await body.fill('投诉 {{number}} 需要您补充材料：{{items}}。{{foo}}');
      await page.getByTestId('template-save').click();
      await editor
        .locator('.ant-form-item-explain-error', { hasText: '包含未知变量 foo' })
        .waitFor();
      await screenshot(page, 'notifications-11-template-error');

      // Fixed with a variable inserted from its tag, previewed with the real complaint, saved.
      await body.fill('投诉 {{number}} 需要您补充材料：{{items}}。说明：');
      await body.press('End');
      await page.getByTestId('var-note').click();
      await expect(body.inputValue()).resolves.toBe(
        '投诉 {{number}} 需要您补充材料：{{items}}。说明：{{note}}',
      );
      await page.getByTestId('preview-number').fill(number);
      await page.getByTestId('template-preview').click();
      const previewText = page.getByTestId('preview-text');
      await previewText.getByText(number).waitFor();
      await expect(page.getByTestId('preview-count').innerText()).resolves.toMatch(
        /\d+ 个字 · 约 \d+ 条短信/,
      );
      await expect(page.getByText('文案已修改，请重新预览').count()).resolves.toBe(0);
      await page.getByTestId('template-save').click();
      await page.getByText('模板已保存').waitFor();
      await editor.getByText('已修改').first().waitFor();
      await screenshot(page, 'notifications-12-template-sms-preview');

      // The email of the result, previewed as a mail client would show it.
      await page.getByTestId('template-nodes').getByTestId('node-result').click();
      await page.locator('[data-testid=template-detail][data-node=result]').waitFor();
      await page.getByTestId('channel-tab-email').click();
      await page
        .locator('[data-testid=template-editor][data-node=result][data-channel=email]')
        .waitFor();
      await page.getByTestId('template-preview').click();
      await page.getByTestId('preview-frame').waitFor();
      const frame = page.frameLocator('[data-testid=preview-frame]');
      await frame.getByText('查看处理进度').waitFor();
      // Not screenshot(): a sandboxed frame never reports "network idle" to Playwright.
      await capture(page, 'notifications-13-template-email-preview');

      // The outbox: the dead letter stands out; a retry queues it again.
      await page.getByTestId('console-menu').getByText('消息投递').click();
      await page.getByTestId('outbox-page').waitFor();
      await expect.poll(() => page.getByTestId('outbox-tab-dead').innerText()).toMatch(/死信\s*1$/);
      await page.getByTestId('outbox-tab-dead').click();
      const dead = page.getByTestId('outbox-table').locator('tr.ant-table-row');
      await dead.first().waitFor();
      // The tab's own rows, not the previous tab's kept on screen while they load.
      await expect
        .poll(() => page.locator('[data-testid=outbox-status]:not([data-status=dead])').count())
        .toBe(0);
      await expect(dead.count()).resolves.toBe(1);
      await expect(dead.first().innerText()).resolves.toContain('短信模板未审核通过');
      await screenshot(page, 'notifications-14-outbox-dead');
      await dead.first().getByTestId('outbox-retry').click();
      await page.getByText('已重新加入发送队列').waitFor();
      await page.getByTestId('outbox-empty').waitFor();
      await page.getByTestId('outbox-tab-all').click();
      await page.getByTestId('outbox-table').locator('tr.ant-table-row').first().waitFor();
      await screenshot(page, 'notifications-15-outbox-all');
      expect(admin.errors).toEqual([]);
      await admin.context.close();
    });

    it('the admin pages speak English', async () => {
      const admin = await consoleLogin(env, 'admin');
      const { page } = admin;
      await page.getByTestId('lang-switch').click();
      await page.goto('/console/notifications/templates?node=accepted&channel=email&locale=en');
      await page.getByTestId('template-editor').waitFor();
      const chrome = await page
        .locator('[data-testid=template-nodes], .nt-editor-bar, .nt-editor-actions, .nt-vars')
        .allInnerTexts();
      expect(chrome.join('\n').replace('中文', '')).not.toMatch(HAN);
      await screenshot(page, 'notifications-16-templates-en');
      await page.goto('/console/notifications/outbox');
      await page.getByTestId('outbox-table').locator('tr.ant-table-row').first().waitFor();
      const head = await page.locator('.ant-tabs-nav, .ant-table-thead').allInnerTexts();
      expect(head.join('\n')).not.toMatch(HAN);
      await screenshot(page, 'notifications-17-outbox-en');
      expect(admin.errors).toEqual([]);
      await admin.context.close();
    });
  },
);
