// The assistant in the browser (Stage 6, 智能客服). A visitor asks in their own words and gets the
// demo KB's answers, taps a clarifying option and rates an answer; a reload continues the
// conversation. A complainant files a complaint by answering the assistant's questions, then asks
// for its progress by number and sees the chain. An upset person is passed to a person and told
// their place in the queue; an agent sees the conversation with its topic and emotion, takes it,
// and the two chat live both ways until the agent ends it. An admin edits a KB entry (the change
// shows in its history), tries a question on the 测试 tab, exports and re-imports the KB. The
// figures page shows what happened, and everything reads in English after the switch.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleLogin } from './console-steps.js';
import { portalLogin } from './portal-steps.js';
import {
  COMPLAINANT_PHONE,
  HAN,
  openPage,
  PHONE,
  DESKTOP,
  screenshot,
  settle,
  useJourneyEnv,
  type OpenedPage,
} from './support.js';

const bots = (page: Page) => page.getByTestId('msg-bot');
/** The first answers wait for the matcher to load; a retrain after an edit takes a moment too. */
const WAIT = { timeout: 20_000 };

/** Sends one message through the input bar and waits for the window to be ready again. */
async function say(page: Page, text: string): Promise<void> {
  const before = await page.locator('[data-testid=chat-log] > [data-seq]').count();
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('chat-input').press('Enter');
  // The person's bubble (pending, then stored) and the reply or a status change.
  await page.getByTestId('msg-pending').waitFor({ state: 'detached' });
  await expect
    .poll(() => page.locator('[data-testid=chat-log] > [data-seq]').count(), WAIT)
    .toBeGreaterThan(before);
}

/**
 * Asks in the person's words and expects the entry's answer: at once, or after the assistant
 * asks which question was meant and the person taps the right one.
 */
async function askFor(page: Page, text: string, entryId: string, question: string) {
  await say(page, text);
  const bot = lastBot(page);
  if ((await bot.getAttribute('data-entry')) === entryId) return;
  const option = bot.getByTestId('chat-option').filter({ hasText: question });
  expect(await option.count(), `${text} → ${await lastBotText(page)}`).toBe(1);
  const count = await bots(page).count();
  await option.click();
  await expect.poll(() => bots(page).count(), WAIT).toBeGreaterThan(count);
  await expect(lastBot(page).getAttribute('data-entry')).resolves.toBe(entryId);
}

function lastBot(page: Page): Locator {
  return bots(page).last();
}

async function lastBotText(page: Page): Promise<string> {
  return (await lastBot(page).locator('.as-bubble').innerText()).trim();
}

/** A plain chat screenshot: the log scrolls inside the window, so the viewport is the page. */
async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  await screenshot(page, name);
}

/** What to answer when the assistant asks for a field while filing, by the field's label. */
function fieldAnswer(prompt: string): string {
  const today = new Date().toISOString().slice(0, 10);
  if (/运单号/.test(prompt)) return 'SF1234567890';
  if (/交易单号/.test(prompt)) return '4200001234567890123';
  if (/订单号/.test(prompt)) return 'DD20250101000123';
  if (/商家|店铺/.test(prompt)) return '演示旗舰店';
  if (/金额/.test(prompt)) return '299';
  if (/日期/.test(prompt)) return today;
  if (/快递公司/.test(prompt)) return '顺丰速运';
  if (/账号/.test(prompt)) return COMPLAINANT_PHONE;
  if (/国家|地区/.test(prompt)) return '中国';
  if (/链接/.test(prompt)) return 'https://example.com/item/1';
  return '演示信息';
}

describe(
  'the assistant: chat, filing, handoff, knowledge base and figures',
  { timeout: 300_000 },
  () => {
    const env = useJourneyEnv();

    it('a visitor asks in their own words, picks an option and rates an answer', async () => {
      const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
      await page.goto('/');
      await page.getByTestId('assistant-fab').waitFor();
      await screenshot(page, 'assistant-1-home-phone');
      await page.getByTestId('assistant-fab').click();
      await page.waitForURL((url) => url.pathname === '/assistant');
      await bots(page).first().waitFor();
      await expect(page.getByTestId('chat-status').innerText()).resolves.toContain('智能助手在线');
      const greeting = await lastBotText(page);
      expect(greeting).toMatch(HAN);
      await shot(page, 'assistant-2-greeting');

      // Own words, not the KB's: 转账对方没收 → kb-0048; 签收了没拿到 → kb-0134; 提现手续费 → kb-0055.
      await askFor(
        page,
        '转账给朋友他一直不收，钱会退回来吗',
        'kb-0048',
        '微信转账对方没收怎么退回',
      );
      await askFor(page, '包裹显示签收了可我根本没拿到', 'kb-0134', '没收到快递却显示已签收');
      await askFor(page, '提现到银行卡要收多少手续费', 'kb-0055', '提现手续费怎么算');
      await shot(page, 'assistant-3-answers');

      // Something the assistant is unsure of: it asks which one was meant, with options to tap.
      const options = page.getByTestId('chat-options').last().getByTestId('chat-option');
      for (const vague of [
        '我给朋友转了500块，他一直没点收款，这钱还能回到我这吗',
        '关于支付的事',
        '钱的问题',
      ]) {
        await say(page, vague);
        if ((await page.getByTestId('chat-options').count()) > 0) break;
      }
      await options.first().waitFor();
      expect(await options.count()).toBeGreaterThan(1);
      await shot(page, 'assistant-4-clarify');
      const picked = (await options.first().innerText()).trim();
      const count = await bots(page).count();
      await options.first().click();
      await expect.poll(() => bots(page).count(), WAIT).toBeGreaterThan(count);
      await expect(lastBot(page).getAttribute('data-entry')).resolves.toMatch(/^kb-/);
      await expect(page.getByTestId('msg-person').last().innerText()).resolves.toContain(picked);

      // Thumbs up on the answer: once.
      await lastBot(page).getByTestId('feedback-up').click();
      await lastBot(page).getByTestId('feedback-done').waitFor();
      await expect(lastBot(page).getByTestId('feedback-up').count()).resolves.toBe(0);
      await shot(page, 'assistant-5-rated');

      // A reload continues the same conversation (sessionStorage).
      const seen = await page.getByTestId('msg-person').count();
      await page.reload();
      await bots(page).first().waitFor();
      await expect.poll(() => page.getByTestId('msg-person').count(), WAIT).toBe(seen);
      await lastBot(page).getByTestId('feedback-done').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });

    it('a complainant files a complaint in conversation, then asks for its progress', async () => {
      const opened = await portalLogin(env, COMPLAINANT_PHONE);
      const { page, context, errors } = opened;
      // The header's 智能客服 icon leads to the window from any portal page.
      await page.getByTestId('nav-assistant').click();
      await page.waitForURL((url) => url.pathname === '/assistant');
      await bots(page).first().waitFor();

      await page.getByTestId('quick-file').click();
      await expect.poll(() => lastBotText(page), WAIT).toMatch(/描述/);
      await say(page, '我在演示旗舰店买的电饭煲用了两天就不加热了，商家说是人为损坏不给退');
      const types = page.getByTestId('chat-options').last().getByTestId('chat-option');
      await types.first().waitFor();
      await shot(page, 'assistant-6-filing-type');
      const quality = types.filter({ hasText: '质量' });
      await ((await quality.count()) > 0 ? quality.first() : types.first()).click();

      // One question at a time until it asks what the person wants.
      for (let i = 0; i < 8; i++) {
        await expect.poll(() => lastBotText(page), WAIT).not.toBe('');
        const prompt = await lastBotText(page);
        if (/希望如何解决/.test(prompt)) break;
        await say(page, fieldAnswer(prompt));
      }
      await expect.poll(() => lastBotText(page), WAIT).toMatch(/希望如何解决/);
      await say(page, '退货退款');
      await expect.poll(() => lastBotText(page), WAIT).toMatch(/请确认以下投诉内容/);
      await shot(page, 'assistant-7-filing-confirm');
      await page.getByTestId('chat-option').filter({ hasText: '确认提交' }).click();
      await expect.poll(() => lastBotText(page), WAIT).toMatch(/投诉已提交/);
      const number = /TS\d{8}-\d{6}-[0-9X]/.exec(await lastBotText(page))?.[0];
      expect(number).toBeTruthy();
      // The answer links to the complaint in the app.
      await expect(lastBot(page).locator(`a[href="/complaints/${number}"]`).count()).resolves.toBe(
        1,
      );
      await shot(page, 'assistant-8-filed');

      await say(page, `查询投诉进度 ${number}`);
      await expect.poll(() => lastBotText(page), WAIT).toContain(`${number}`);
      const chain = await lastBotText(page);
      expect(chain).toMatch(/处理进度/);
      expect(chain).toMatch(/当前状态/);
      await shot(page, 'assistant-9-progress');
      await lastBot(page).locator(`a[href="/complaints/${number}"]`).click();
      await page.waitForURL((url) => url.pathname === `/complaints/${number}`);
      expect(errors).toEqual([]);
      await context.close();
    });

    let agent: OpenedPage | undefined;

    it('an upset person is passed to an agent, who takes the conversation and chats live', async () => {
      const person = await openPage(env.browser, env.server.baseUrl, PHONE);
      const { page } = person;
      await page.goto('/assistant');
      await bots(page).first().waitFor();
      await page.locator('[data-testid=assistant-chat][data-live=open]').waitFor();

      const angry = [
        '你们这是什么破服务！！！气死我了',
        '钱被扣了三次到现在都没退，太过分了，简直是欺负人！',
        '再不给我解决我就去曝光你们，忍无可忍！！',
        '垃圾平台，气死了',
      ];
      for (const text of angry) {
        if ((await page.getByTestId('assistant-chat').getAttribute('data-status')) !== 'bot') break;
        await say(page, text);
      }
      if ((await page.getByTestId('assistant-chat').getAttribute('data-status')) === 'bot') {
        await page.getByTestId('quick-human').click();
      }
      const banner = page.getByTestId('handoff-banner');
      await banner.waitFor();
      await expect(banner.innerText()).resolves.toMatch(
        /已转人工[\s\S]*第 \d+ 位[\s\S]*预计等待 \d+ 分钟/,
      );
      await expect(page.getByTestId('chat-status').innerText()).resolves.toMatch(/排队中/);
      await shot(page, 'assistant-10-waiting');

      // The agent sees it waiting, with what the assistant saw.
      agent = await consoleLogin(env, 'agent');
      const console = agent.page;
      await console.goto('/console/chat');
      await console.locator('[data-testid=live-chat][data-live=open]').waitFor();
      const waitingItem = console.getByTestId('inbox-waiting').getByTestId('inbox-item').first();
      await waitingItem.waitFor();
      await expect(console.getByTestId('inbox-count-waiting').innerText()).resolves.toMatch(
        /[1-9]/,
      );
      await expect(waitingItem.innerText()).resolves.toContain('访客');
      await waitingItem.click();
      const pane = console.getByTestId('conversation-pane');
      await pane.waitFor();
      await expect(pane.getByTestId('transcript-person').count()).resolves.toBeGreaterThan(0);
      await pane.getByTestId('conversation-head').getByTestId('reason-tag').waitFor();
      await expect(
        pane
          .getByTestId('transcript')
          .getByTestId('emotion-tag')
          .first()
          .getAttribute('data-emotion'),
      ).resolves.toMatch(/anger|disgust|anxiety|sadness|fear/);
      await screenshot(console, 'assistant-11-console-waiting');

      await pane.getByTestId('take').click();
      await console.locator('[data-testid=conversation-pane][data-status=live]').waitFor();
      await console.getByTestId('agent-input').waitFor();

      // The person learns at once, over the stream.
      await page.getByTestId('live-banner').waitFor();
      await expect(page.getByTestId('chat-status').innerText()).resolves.toMatch(/为您服务/);

      await console
        .getByTestId('agent-input')
        .fill('您好，我是人工客服，已经看到您被重复扣款的情况，马上帮您核实。');
      await console.getByTestId('agent-input').press('Enter');
      await page.getByTestId('msg-agent').filter({ hasText: '马上帮您核实' }).waitFor();

      await say(page, '好的，扣款时间是今天上午十点左右');
      await console
        .getByTestId('transcript-person')
        .filter({ hasText: '今天上午十点左右' })
        .waitFor();
      await shot(page, 'assistant-12-live-person');
      await screenshot(console, 'assistant-13-console-live');

      await console.getByTestId('close-conversation').click();
      await console.locator('.ant-popconfirm .ant-btn-primary').click();
      await console.locator('[data-testid=conversation-pane][data-status=closed]').waitFor();
      await page.locator('[data-testid=assistant-chat][data-status=closed]').waitFor();
      await page.getByTestId('chat-restart').waitFor();
      await shot(page, 'assistant-14-ended');
      expect(person.errors).toEqual([]);
      expect(agent.errors).toEqual([]);
      await person.context.close();

      // Agents read the KB but do not change it.
      await console.goto('/console/assistant/kb');
      await console.getByTestId('kb-table').locator('tr.ant-table-row').first().waitFor();
      await expect(console.getByTestId('kb-create').count()).resolves.toBe(0);
      await expect(console.getByTestId('kb-edit').count()).resolves.toBe(0);
      await expect(console.getByTestId('kb-tab-scripts').count()).resolves.toBe(0);
      await agent.context.close();
    });

    it('an admin edits an entry, sees its history, tests a question, exports and imports', async () => {
      const { page, context, errors } = await consoleLogin(env, 'admin');
      await page.goto('/console/assistant/kb');
      const rows = page.getByTestId('kb-table').locator('tr.ant-table-row');
      await rows.first().waitFor();
      await screenshot(page, 'assistant-15-kb');

      await page.getByTestId('kb-search').locator('input').fill('转错人');
      await page.getByTestId('kb-search').locator('input').press('Enter');
      const row = rows.filter({ hasText: 'kb-0049' });
      await row.waitFor();
      await row.getByTestId('kb-edit').click();
      const editor = page.getByTestId('kb-editor');
      await editor.waitFor();
      await page.getByTestId('kb-similar-add').click();
      await page.getByTestId('kb-similar-input').last().fill('钱打错账户了怎么要回来');
      const answer = page.getByTestId('kb-answer');
      await answer.fill(
        `${await answer.inputValue()}\n也可以先[提交投诉](/file)，我们协助您与对方沟通。`,
      );
      await page.getByTestId('kb-preview').locator('a[href="/file"]').waitFor();
      await screenshot(page, 'assistant-16-kb-editor');
      await page.getByTestId('kb-save').click();
      await page.getByText('已保存').first().waitFor();
      await editor.waitFor({ state: 'hidden' });

      await row.getByTestId('kb-history-open').click();
      const history = page.getByTestId('kb-history');
      const update = history.locator('[data-testid=kb-history-item][data-action=update]').first();
      await update.waitFor();
      await expect(update.innerText()).resolves.toContain('钱打错账户了怎么要回来');
      await screenshot(page, 'assistant-17-kb-history');
      await page.keyboard.press('Escape');
      await history.waitFor({ state: 'hidden' });

      // 测试: the new wording now finds the entry.
      await page.getByTestId('kb-tab-test').click();
      await page
        .getByTestId('kb-test-input')
        .locator('input')
        .fill('我把钱打错账户了，怎样才能要回来');
      await page.getByTestId('kb-test-input').locator('input').press('Enter');
      const result = page.getByTestId('kb-test-result');
      await result.waitFor();
      await expect(result.getByTestId('kb-test-best').innerText()).resolves.toContain('kb-0049');
      await expect(result.getAttribute('data-decision')).resolves.toBe('answer');
      await screenshot(page, 'assistant-18-kb-test');

      // Export as a file, and the same file imported back changes nothing.
      await page.getByTestId('kb-tab-entries').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('kb-export').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^redress-kb-\d{8}\.json$/);
      const file = await download.path();
      const exported = JSON.parse(await readFile(file, 'utf8')) as { entries: { id: string }[] };
      expect(exported.entries.length).toBeGreaterThan(100);
      expect(exported.entries.some((e) => e.id === 'kb-0049')).toBe(true);

      await page.getByTestId('kb-import-open').click();
      const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('kb-import') });
      await dialog.waitFor();
      await dialog.locator('input[type=file]').setInputFiles(file);
      await dialog.getByText(`${exported.entries.length} 个条目`).waitFor();
      await dialog.getByRole('button', { name: '开始导入' }).click();
      await page.getByTestId('kb-import-result').waitFor();
      await expect(page.getByTestId('kb-import-unchanged').innerText()).resolves.toBe(
        String(exported.entries.length),
      );
      await screenshot(page, 'assistant-19-kb-import');
      await dialog.getByRole('button', { name: /完\s*成/ }).click();
      await dialog.waitFor({ state: 'hidden' });

      // Scripts and settings are the managers' tabs.
      await page.getByTestId('kb-tab-scripts').click();
      await page.getByTestId('kb-scripts').waitFor();
      await screenshot(page, 'assistant-20-kb-scripts');
      await page.getByTestId('kb-tab-settings').click();
      await page.getByTestId('kb-settings').waitFor();
      await screenshot(page, 'assistant-21-kb-settings');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('the figures page shows what happened, and unanswered questions go to the KB', async () => {
      const { page, context, errors } = await consoleLogin(env, 'supervisor');
      await page.goto('/console/assistant/metrics');
      const cards = page.getByTestId('metrics-cards');
      await cards.waitFor();
      await expect(
        cards.locator('.ant-statistic-content-value').first().innerText(),
      ).resolves.not.toBe('0');
      await expect(page.getByTestId('metric-handoff').innerText()).resolves.toMatch(/\d/);
      await screenshot(page, 'assistant-22-metrics');
      const add = page.getByTestId('metrics-add-to-kb').first();
      if ((await add.count()) > 0) {
        await add.click();
        await page.getByTestId('kb-editor').waitFor();
        await expect(page.getByTestId('kb-question').inputValue()).resolves.not.toBe('');
        await screenshot(page, 'assistant-23-metrics-add');
      }
      expect(errors).toEqual([]);
      await context.close();
    });

    it('speaks English after the switch', async () => {
      const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE, {
        lang: 'en',
      });
      await page.goto('/assistant');
      await bots(page).first().waitFor();
      await expect(page.getByTestId('chat-status').innerText()).resolves.toBe('Assistant online');
      // The language switch offers 中文 by design; the rest of the window is English.
      const chrome = page.locator(
        '.as-chat-title, [data-testid=chat-end], [data-testid=quick-actions]',
      );
      expect((await chrome.allInnerTexts()).join('\n')).not.toMatch(HAN);
      expect(await lastBotText(page)).not.toMatch(HAN);
      await say(page, 'Talk to a human');
      await page.getByTestId('handoff-banner').waitFor();
      await expect(page.getByTestId('handoff-banner').innerText()).resolves.toMatch(
        /Passed to an agent[\s\S]*number \d+/,
      );
      await shot(page, 'assistant-24-en');

      const admin = await openPage(env.browser, env.server.baseUrl, DESKTOP, { lang: 'en' });
      await admin.page.goto('/console/login');
      await admin.page.getByTestId('login-email').fill('admin@demo.redress.local');
      await admin.page.getByTestId('login-password').fill(env.server.demoPassword);
      await admin.page.getByTestId('login-submit').click();
      await admin.page.waitForURL((url) => url.pathname === '/console');
      await admin.page.goto('/console/assistant/metrics');
      await admin.page.getByTestId('metrics-cards').waitFor();
      const figures = await admin.page.locator('.console-content').innerText();
      // Only data (questions people asked, KB entries) may be Chinese.
      expect(figures).toContain('Answered');
      await screenshot(admin.page, 'assistant-25-metrics-en');
      await admin.page.goto('/console/assistant/kb');
      await admin.page.getByTestId('kb-table').locator('tr.ant-table-row').first().waitFor();
      expect(await admin.page.locator('.kb-toolbar, .ant-tabs-nav').allInnerTexts()).not.toEqual(
        expect.arrayContaining([expect.stringMatching(HAN)]),
      );
      await screenshot(admin.page, 'assistant-26-kb-en');
      expect(errors).toEqual([]);
      expect(admin.errors).toEqual([]);
      await admin.context.close();
      await context.close();
    });
  },
);
