// An agent works a complaint from queue to resolution: it reaches 我的工作台 (and a new one shows up
// there live), the agent adds an internal note, replies from a canned reply, reveals the phone
// (which the audit log then shows a supervisor), tags it and filters the list by the tag, and
// resolves it. A change made by someone else meanwhile is a clear conflict that loses nothing.
// Supervisors manage people's capacity and canned replies.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './complaint-api-client.js';
import {
  consoleLogin as loginAs,
  openConsoleComplaint as openComplaint,
  pickOption,
  resolveInConsole as resolve,
  staffRequest,
  waitForLive,
  waitForStage,
} from './console-steps.js';
import {
  COMPLAINANT_PHONE,
  DESKTOP,
  HAN,
  menuItems,
  openPage,
  screenshot,
  STAFF_EMAILS,
  staffLogin,
  useJourneyEnv,
  type OpenedPage,
} from './support.js';

const TAG = '待回访';

function queueRow(page: Page, number: string) {
  return page.getByTestId('queue-table-mine').locator('tr.ant-table-row', { hasText: number });
}

function timelineEvent(page: Page, type: string) {
  return page
    .getByTestId('timeline-card')
    .locator(`[data-testid=timeline-event][data-action=${type}]`);
}

describe('an agent works a complaint from queue to resolution', { timeout: 150_000 }, () => {
  const env = useJourneyEnv();
  let agent: OpenedPage;
  let complainant: ApiClient;
  let first = '';
  let second = '';

  it('a filed complaint is in 我的工作台, and a new one appears there without reloading', async () => {
    complainant = await ApiClient.complainant(env.server, COMPLAINANT_PHONE);
    first = await complainant.file({
      type: 'parcel_damaged',
      description: '收到的包裹外包装严重破损，里面的陶瓷杯碎了',
      demand: '赔偿',
      fields: { waybill_number: 'YT9876543210', carrier: '圆通速递' },
    });

    agent = await loginAs(env, 'agent');
    const { page, errors } = agent;
    expect(await menuItems(page)).toContain('我的工作台');
    await page.getByTestId('console-menu').getByText('我的工作台').click();
    await page.waitForURL((url) => url.pathname === '/console/queue');
    await waitForLive(page, 'queue-page');
    await queueRow(page, first).waitFor();
    await expect.poll(() => page.getByTestId('queue-stat-open').innerText()).toContain('1');
    await expect(page.getByTestId('queue-tab-express').innerText()).resolves.toContain(
      '快递投诉组',
    );
    await screenshot(page, 'casework-queue');

    // Filed while the page is open: the live stream brings it in.
    second = await complainant.file({
      type: 'delivery_delayed',
      description: '快递已经延误五天，物流信息一直没有更新',
      demand: '尽快送达',
      fields: { waybill_number: 'ZT5555666677', carrier: '中通快递' },
    });
    await queueRow(page, second).waitFor();
    await expect.poll(() => page.getByTestId('queue-stat-open').innerText()).toContain('2');
    await screenshot(page, 'casework-queue-live');
    expect(errors).toEqual([]);
  });

  it('while the agent is away a new complaint waits in the team queue, and the agent claims it', async () => {
    const { page, errors } = agent;
    await page.getByTestId('availability-away').click();
    await page.getByTestId('availability-form').waitFor();
    await page.getByTestId('availability-save').click();
    await page.locator('[data-testid=my-availability][data-away=true]').waitFor();
    await expect(page.getByTestId('my-availability').innerText()).resolves.toContain('暂离至');

    // Nobody can take it now, so it waits (live) in the express team's queue.
    const third = await complainant.file({
      type: 'parcel_lost',
      description: '物流显示已签收，但我没有收到包裹，快递柜里也没有',
      demand: '补发',
      fields: { waybill_number: 'SF2468013579', carrier: '顺丰速运' },
    });
    await page.getByTestId('queue-count-express').getByText('1').waitFor();
    await page.getByTestId('queue-tab-express').click();
    const waiting = page
      .getByTestId('queue-table-express')
      .locator('tr.ant-table-row', { hasText: third });
    await waiting.waitFor();
    await screenshot(page, 'casework-team-queue');
    await waiting.getByTestId('queue-claim').click();
    await waiting.waitFor({ state: 'detached' });
    await page.getByTestId('queue-tab-mine').click();
    await queueRow(page, third).waitFor();

    await page.getByTestId('availability-back').click();
    await page.locator('[data-testid=my-availability][data-away=false]').waitFor();
    expect(errors).toEqual([]);
  });

  it('the agent adds an internal note and replies from a canned reply', async () => {
    const { page, errors } = agent;
    await queueRow(page, first).click();
    await page.waitForURL((url) => url.pathname === `/console/complaints/${first}`);
    await page.getByTestId('complaint-page').waitFor();
    await expect(page.getByTestId('case-assignee').innerText()).resolves.toContain('赵客服');
    await expect(page.getByTestId('case-team').innerText()).resolves.toContain('快递投诉组');

    await page.getByTestId('work-tab-note').click();
    await page.getByTestId('note-input').fill('已电话联系投诉人，确认包裹外箱破损，杯子碎裂。');
    await page.getByTestId('note-submit').click();
    const note = timelineEvent(page, 'note');
    await note.getByText('已电话联系投诉人').waitFor();
    await expect(note.getAttribute('data-internal')).resolves.toBe('true');
    await expect(note.innerText()).resolves.toContain('内部');
    await expect(page.getByTestId('note-input').inputValue()).resolves.toBe('');

    await page.getByTestId('work-tab-reply').click();
    await pickOption(page, 'macro-picker', '受理确认');
    const reply = page.getByTestId('reply-input');
    await expect.poll(() => reply.inputValue()).toContain(first);
    const text = await reply.inputValue();
    expect(text).not.toContain('{{');
    await reply.fill(`${text}如有新的情况，请随时在投诉页面补充。`);
    await screenshot(page, 'casework-reply-draft');
    await page.getByTestId('reply-submit').click();
    const sent = timelineEvent(page, 'reply');
    await sent.getByText('请随时在投诉页面补充').waitFor();
    await expect(sent.getAttribute('data-internal')).resolves.toBeNull();
    await expect(sent.innerText()).resolves.toContain('投诉人可见');

    // The complainant sees the reply, never the note.
    const seen = await complainant.post<{ timeline: { type: string }[] }>(
      '/api/v1/complaints/track',
      { number: first, contact: COMPLAINANT_PHONE },
    );
    const types = seen.timeline.map((e) => e.type);
    expect(types).toContain('reply');
    expect(types).not.toContain('note');
    await screenshot(page, 'casework-complaint');
    expect(errors).toEqual([]);
  });

  it('the agent reveals the phone after a warning that it is audited', async () => {
    const { page, errors } = agent;
    const value = page.getByTestId('reveal-contact-phone-value');
    await expect(value.innerText()).resolves.toContain('****');
    await page.getByTestId('reveal-contact-phone').click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText('查看完整信息将被记录在审计日志中').waitFor();
    await confirm.getByText('查看投诉人手机号？').waitFor();
    await screenshot(page, 'casework-reveal-confirm');
    await confirm.getByRole('button', { name: /查\s*看/ }).click();
    await expect.poll(() => value.innerText()).toBe(COMPLAINANT_PHONE);
    await timelineEvent(page, 'pii_revealed').getByText('查看了投诉人手机号').waitFor();
    // The agent's own changes are not announced as someone else's.
    await expect(page.getByTestId('live-note').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('the agent tags the complaint and filters the list by the tag', async () => {
    const { page, errors } = agent;
    await page.getByTestId('tags-edit').click();
    const select = page.getByTestId('tag-select');
    await select.click();
    await page.keyboard.type(TAG);
    await page.keyboard.press('Enter');
    await screenshot(page, 'casework-tags-editor');
    await page.getByTestId('tags-save').click();
    await page
      .getByTestId('complaint-tags')
      .getByTestId('case-tag')
      .getByText(TAG, { exact: true })
      .waitFor();
    await timelineEvent(page, 'tags_changed').getByText(TAG).waitFor();

    await page.getByTestId('back-to-list').click();
    await page.waitForURL((url) => url.pathname === '/console/complaints');
    const table = page.getByTestId('complaints-table');
    await table.locator('tr.ant-table-row', { hasText: second }).waitFor();
    await page.getByTestId('complaints-tag-filter').click();
    await page.keyboard.type(TAG);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('tag') === TAG);
    await table.locator('tr.ant-table-row', { hasText: second }).waitFor({ state: 'detached' });
    const rows = table.locator('tr.ant-table-row');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toContain(first);
    await expect(rows.first().innerText()).resolves.toContain(TAG);
    await screenshot(page, 'casework-list-by-tag');

    // 只看我的 shows what I hold: both complaints.
    await page.getByTestId('complaints-tag-filter').locator('.ant-select-clear').click({
      force: true,
    });
    await page.getByTestId('complaints-mine').click();
    await page.waitForURL(
      (url) => url.searchParams.get('mine') === '1' && !url.searchParams.get('tag'),
    );
    await table.locator('tr.ant-table-row', { hasText: second }).waitFor();
    await expect(
      table.locator('tr.ant-table-row', { hasText: first }).getByTestId('row-holder').innerText(),
    ).resolves.toContain('赵客服（我）');
    expect(errors).toEqual([]);
  });

  it('the agent resolves the complaint with an opinion', async () => {
    const { page, errors } = agent;
    await openComplaint(page, first);
    await page.getByTestId('action-review').click();
    await waitForStage(page, '审核中');
    await page.getByTestId('action-investigate').click();
    await waitForStage(page, '调查中');
    await resolve(page, '经核实，包裹在运输途中破损，快递公司同意按声明价值赔偿 80 元。');
    await page.getByTestId('latest-opinion').getByText('同意按声明价值赔偿').waitFor();
    await screenshot(page, 'casework-resolved');
    expect(errors).toEqual([]);
  });

  it('a change made by someone else meanwhile is a clear conflict, and the typed text stays', async () => {
    const { page, errors } = agent;
    await openComplaint(page, second);
    await waitForLive(page, 'complaint-page');
    await page.getByTestId('work-tab-note').click();
    const draft = '投诉人称快递员电话打不通，已记录。';
    await page.getByTestId('note-input').fill(draft);

    // A supervisor marks it urgent through the API while the agent is typing.
    await staffRequest(env, 'supervisor', 'PUT', `/api/v1/complaints/${second}/tags`, {
      tags: ['紧急'],
    });
    // The open page notices and says so.
    await page.getByTestId('live-note').waitFor();
    await page.getByTestId('complaint-tags').getByText('紧急', { exact: true }).waitFor();

    await page.getByTestId('note-submit').click();
    const conflict = page.getByTestId('note-error');
    await conflict.waitFor();
    await expect(conflict.getAttribute('data-code')).resolves.toBe('version_conflict');
    await expect(conflict.innerText()).resolves.toContain('投诉已被他人更新');
    await expect(page.getByTestId('note-input').inputValue()).resolves.toBe(draft);
    await screenshot(page, 'casework-conflict');

    await page.getByTestId('conflict-refresh').click();
    await conflict.waitFor({ state: 'detached' });
    await expect(page.getByTestId('note-input').inputValue()).resolves.toBe(draft);
    await page.getByTestId('note-submit').click();
    await timelineEvent(page, 'note').getByText('快递员电话打不通').waitFor();
    expect(errors).toEqual([]);
    await agent.context.close();
  });

  it('a supervisor sees the reveal in the audit log', async () => {
    const { page, context, errors } = await loginAs(env, 'supervisor');
    await page.goto('/console/audit');
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-number').locator('input').fill(first);
    await page.getByTestId('audit-number').locator('input').press('Enter');
    const reveal = page
      .getByTestId('audit-table')
      .locator('tr.ant-table-row', { hasText: 'complaint.pii_revealed' });
    await reveal.waitFor();
    await expect(reveal.innerText()).resolves.toContain('赵客服');
    await expect(reveal.innerText()).resolves.toContain('查看个人信息');
    await screenshot(page, 'casework-audit');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a supervisor changes an agent's capacity on the teams page", async () => {
    const { page, context, errors } = await loginAs(env, 'supervisor');
    await page.getByTestId('console-menu').getByText('团队与分派').click();
    await page.waitForURL((url) => url.pathname === '/console/teams');
    await page
      .getByTestId('teams-table')
      .locator('tr.ant-table-row', { hasText: '快递投诉组' })
      .waitFor();
    await screenshot(page, 'casework-teams');

    await page.getByTestId('teams-tab-people').click();
    const row = page.getByTestId('agents-table').locator('tr.ant-table-row', { hasText: '赵客服' });
    await row.waitFor();
    await expect(row.getByTestId('agent-capacity-text').innerText()).resolves.toMatch(/\/ 20$/);
    await screenshot(page, 'casework-people');
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const capacity = page.locator(
      'input[data-testid=agent-capacity], [data-testid=agent-capacity] input',
    );
    await expect.poll(() => capacity.inputValue()).toBe('20');
    await capacity.fill('15');
    await screenshot(page, 'casework-agent-drawer');
    await page.getByTestId('agent-save').click();
    await expect.poll(() => row.getByTestId('agent-capacity-text').innerText()).toMatch(/\/ 15$/);

    await page.getByTestId('teams-tab-rules').click();
    await page.getByTestId('rules-table').locator('tr.ant-table-row').first().waitFor();
    await screenshot(page, 'casework-rules');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a supervisor writes a canned reply with a variable and sees the preview', async () => {
    const { page, context, errors } = await loginAs(env, 'supervisor');
    await page.goto('/console/macros');
    await page
      .getByTestId('macros-table')
      .locator('tr.ant-table-row', { hasText: '受理确认' })
      .waitFor();
    await screenshot(page, 'casework-macros');
    await page.getByTestId('macro-new').click();
    await page.getByTestId('macro-title').fill('快递补发说明');
    await page.getByTestId('macro-body').fill('您好，投诉 ');
    await page.getByTestId('macro-var-number').click();
    await page.getByTestId('macro-body').press('End');
    await page
      .getByTestId('macro-body')
      .pressSequentially(' 已安排补发，今天是 {{today}}。{{oops}}');
    await page.getByTestId('macro-preview').getByText('TS20260115-000123-7').waitFor();
    await page.getByText('包含未知变量：oops').first().waitFor();
    await screenshot(page, 'casework-macro-drawer');
    // Fix the text, then it saves.
    const body = await page.getByTestId('macro-body').inputValue();
    await page.getByTestId('macro-body').fill(body.replace('{{oops}}', ''));
    await page.getByTestId('macro-save').click();
    await page
      .getByTestId('macros-table')
      .locator('tr.ant-table-row', { hasText: '快递补发说明' })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in English the queue and the work tools speak English', async () => {
    const { context, page, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP, {
      lang: 'en',
    });
    await staffLogin(page, STAFF_EMAILS.supervisor, env.server.demoPassword);
    await page.waitForURL((url) => url.pathname === '/console');
    await page.goto('/console/queue');
    await page.getByTestId('queue-tab-express').getByText('Express delivery').waitFor();
    await screenshot(page, 'casework-queue-en');
    await openComplaint(page, second);
    const panel = page.getByTestId('work-panel');
    await panel.getByText('Reply to complainant').waitFor();
    expect(await panel.innerText()).not.toMatch(HAN);
    await expect(page.getByTestId('case-team').innerText()).resolves.toContain('Express delivery');
    await screenshot(page, 'casework-complaint-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
