// SLA clocks in use (Stage 4): a complainant files an express complaint, sees when it should be
// done and presses for progress (催办) once — the second press waits 48 h, and a press from a stale
// page is refused with the server's words. The agent sees the green clock in 我的工作台 and on the
// case, with the press counted and on the timeline. When a rule's time runs out, a supervisor sees
// the alert on 升级提醒, acknowledges it and adds a second team (协查).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildJobRegistry } from '../../src/server/jobs/index.js';
import { createLogger } from '../../src/server/lib/logger.js';
import { systemClock } from '../../src/server/lib/clock.js';
import { consoleLogin, openConsoleComplaint, pickOption } from './console-steps.js';
import { openPortalComplaint, portalLogin } from './portal-steps.js';
import {
  DESKTOP,
  HAN,
  openPage,
  screenshot,
  STAFF_EMAILS,
  staffLogin,
  useJourneyEnv,
} from './support.js';

const PHONE_NUMBER = '13912380001';

/** Files a 包裹破损 complaint with the browser's own session; answers its number. */
async function fileParcelDamaged(page: Page): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.post('/api/v1/complaints', {
    data: {
      type: 'parcel_damaged',
      description: '收到的包裹外箱压扁，里面的保温杯凹了一大块',
      demand: '赔偿',
      fields: { waybill_number: 'YT1122334455', carrier: '圆通速递' },
    },
    headers: { 'x-csrf-token': csrfToken, 'idempotency-key': 'e2e-sla-parcel' },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { complaint: { number: string } }).complaint.number;
}

/**
 * Picks the team in the 添加协查团队 dialog and waits for its list to fold away: the open list
 * covers the dialog's buttons.
 */
async function pickTeam(page: Page, name: string): Promise<void> {
  await pickOption(page, 'assist-team', name);
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByTestId('assist-team').innerText()).toContain(name);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .waitFor({ state: 'detached' });
}

/** "首次响应 剩余 23小时59分" → 1439. */
function minutesLeft(text: string): number {
  const match = /剩余 (?:(\d+)小时)?(?:(\d+)分)?/.exec(text);
  if (!match) throw new Error(`no time left in ${text}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

describe('SLA clocks, 催办 and escalation alerts', { timeout: 240_000 }, () => {
  // The journey reaches into the server's database (to make a rule's time run out).
  const env = useJourneyEnv();
  let number = '';

  it('the complainant sees the expected completion and presses for progress once', async () => {
    const portal = await portalLogin(env, PHONE_NUMBER);
    const { page } = portal;
    number = await fileParcelDamaged(page);
    // A second tab, opened now, still offers the press after the first tab used it.
    const stale = await portal.context.newPage();
    await openPortalComplaint(stale, number);
    await openPortalComplaint(page, number);

    const eta = page.getByTestId('stage-eta');
    await expect(eta.innerText()).resolves.toMatch(/预计 .* 前完成/);
    await expect(eta.innerText()).resolves.not.toContain('按处理时限估算');
    const button = page.getByTestId('press-button');
    await expect(button.isEnabled()).resolves.toBe(true);
    await screenshot(page, 'sla-1-portal-before-press');

    await button.click();
    await page.getByTestId('press-done').waitFor();
    await page
      .getByTestId('press-count')
      .getByText(/已催办 1 次/)
      .waitFor();
    await expect(button.isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('press-next').innerText()).resolves.toMatch(/下次可催办时间/);
    await page.getByTestId('complaint-timeline').getByText('您催办了处理进度').waitFor();
    await screenshot(page, 'sla-2-portal-pressed');

    // The stale tab presses too: refused (48 h), with the server's words; then it shows the wait.
    await stale.getByTestId('press-button').click();
    await stale
      .getByTestId('press-refused')
      .getByText(/48 小时内只能催办一次/)
      .waitFor();
    await stale.getByTestId('press-next').waitFor();
    await expect(stale.getByTestId('press-button').isDisabled()).resolves.toBe(true);
    await screenshot(stale, 'sla-3-portal-press-too-soon');
    expect(portal.errors).toEqual([]);
    await portal.context.close();
  });

  it('the agent sees a green clock in the queue and on the case, with the press', async () => {
    const agent = await consoleLogin(env, 'agent');
    const { page } = agent;
    await page.goto('/console/queue');
    const row = page.getByTestId('queue-table-mine').locator('tr.ant-table-row', {
      hasText: number,
    });
    await row.waitFor();
    const badge = row.getByTestId('row-sla').getByTestId('sla-badge');
    await expect(badge.getAttribute('data-colour')).resolves.toBe('green');
    await expect(badge.innerText()).resolves.toMatch(/^剩余 /);
    await expect(row.getByTestId('express-tier').innerText()).resolves.toBe('快递一级');
    await screenshot(page, 'sla-4-queue');

    // The browser's clock is the page's to move: the badge counts down without a refetch.
    await page.clock.install();
    await openConsoleComplaint(page, number);
    const header = page.getByTestId('complaint-header');
    const headline = header.getByTestId('sla-badge');
    await expect(headline.getAttribute('data-colour')).resolves.toBe('green');
    const before = minutesLeft(await headline.innerText());
    await page.clock.fastForward('10:00');
    // 10 minutes on (11 if a real minute turned meanwhile).
    await expect
      .poll(async () => before - minutesLeft(await headline.innerText()))
      .toBeGreaterThanOrEqual(10);
    expect(before - minutesLeft(await headline.innerText())).toBeLessThanOrEqual(11);
    await expect(header.getByTestId('press-count').innerText()).resolves.toMatch(
      /已催办 1 次，最近/,
    );
    const card = page.getByTestId('sla-card');
    await expect(card.getByTestId('sla-clocks').innerText()).resolves.toContain('处理时限');
    // Agents do not add assisting teams; supervisors do.
    await expect(card.getByTestId('assist-add').count()).resolves.toBe(0);
    const pressed = page
      .getByTestId('timeline-card')
      .locator('[data-testid=timeline-event][data-action=pressed]');
    await expect(pressed.innerText()).resolves.toContain('投诉人催办');
    await expect(pressed.innerText()).resolves.toContain('第 1 次催办');
    await screenshot(page, 'sla-5-console-complaint');
    expect(agent.errors).toEqual([]);
    await agent.context.close();
  });

  it('a supervisor acknowledges the alert and adds a second team', async () => {
    // "3 个工作日无进展" runs out: its timer is made due and the sweep the worker runs fires it.
    const { pool, db } = env.app.database;
    const moved = await pool.query(
      `UPDATE sla_clocks SET due_at = now() - interval '1 minute',
              next_fire_at = now() - interval '1 minute'
        WHERE complaint_id = (SELECT id FROM complaints WHERE number = $1)
          AND rule_id = (SELECT id FROM escalation_rules WHERE code = 'no_progress_3wd')`,
      [number],
    );
    expect(moved.rowCount).toBe(1);
    // The 24 h first response started 25 h ago: it warns and runs out (快递: tier 2).
    const late = await pool.query(
      `UPDATE sla_clocks SET started_at = started_at - interval '25 hours',
              running_since = running_since - interval '25 hours',
              warn_at = warn_at - interval '25 hours', due_at = due_at - interval '25 hours',
              next_fire_at = now() - interval '1 minute'
        WHERE complaint_id = (SELECT id FROM complaints WHERE number = $1)
          AND kind = 'first_response'`,
      [number],
    );
    expect(late.rowCount).toBe(1);
    const sweep = buildJobRegistry({ db, pool, clock: systemClock }).get('escalation.sweep');
    if (!sweep) throw new Error('no escalation.sweep job');
    await sweep.handler({}, { jobId: 0, attempt: 1, log: createLogger('silent') });

    const supervisor = await consoleLogin(env, 'supervisor');
    const { page } = supervisor;
    await page.getByTestId('console-menu').getByText('升级提醒').click();
    await page.waitForURL((url) => url.pathname === '/console/alerts');
    const row = page.getByTestId('alerts-table').locator('tr.ant-table-row', { hasText: number });
    await row.waitFor();
    await expect(row.getByTestId('alert-rule').innerText()).resolves.toContain('3 个工作日无进展');
    await screenshot(page, 'sla-6-alerts');

    // 协查: the express team owns it; the merchant disputes team is asked to help.
    await row.getByTestId('alert-assist-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await pickTeam(page, '商户纠纷组');
    await screenshot(page, 'sla-7-assist-modal');
    await dialog.getByRole('button', { name: /添\s*加/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByTestId('alert-assist-teams').getByText('商户纠纷组').waitFor();

    await row.getByTestId('alert-acknowledge').click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('alerts-empty').waitFor();
    await page.getByTestId('alerts-filter').getByText('全部').click();
    const done = page.getByTestId('alerts-table').locator('tr.ant-table-row', { hasText: number });
    await expect(done.getByTestId('alert-status').innerText()).resolves.toContain('确认');
    await screenshot(page, 'sla-8-alerts-acknowledged');

    // The case shows the assisting team; another can be added from the case itself.
    await done.getByTestId('alert-number').click();
    await page.getByTestId('complaint-page').waitFor();
    // It is also overdue on its first response, now a tier-2 express complaint, and says so.
    const header = page.getByTestId('complaint-header');
    const badge = header.getByTestId('sla-badge');
    await expect(badge.getAttribute('data-colour')).resolves.toBe('red');
    await expect(badge.innerText()).resolves.toMatch(/首次响应\s*超时 1小时/);
    await expect(header.getByTestId('express-tier').innerText()).resolves.toBe('快递二级');
    const breached = page
      .getByTestId('timeline-card')
      .locator('[data-testid=timeline-event][data-action=sla_breached]');
    await expect(breached.innerText()).resolves.toMatch(/时限已超时[\s\S]*首次响应，截止/);
    await page
      .getByTestId('timeline-card')
      .locator('[data-testid=timeline-event][data-action=express_tier]')
      .getByText('升级为快递二级')
      .waitFor();
    const card = page.getByTestId('sla-card');
    await card.getByTestId('assist-teams').getByText('商户纠纷组').waitFor();
    await card.getByTestId('assist-add').click();
    await page.getByRole('dialog').waitFor();
    await pickTeam(page, '综合服务组');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /添\s*加/ })
      .click();
    await card.getByTestId('assist-teams').getByText('综合服务组').waitFor();
    await page
      .getByTestId('complaint-header')
      .getByTestId('header-assist-teams')
      .getByText('商户纠纷组、综合服务组')
      .waitFor();
    const added = page
      .getByTestId('timeline-card')
      .locator('[data-testid=timeline-event][data-action=assist_team_added]');
    await expect(added.count()).resolves.toBe(2);
    await screenshot(page, 'sla-9-console-supervisor');
    expect(supervisor.errors).toEqual([]);
    await supervisor.context.close();
  });

  it('reads in English', async () => {
    const opened = await openPage(env.browser, env.server.baseUrl, DESKTOP, { lang: 'en' });
    const { page } = opened;
    await staffLogin(page, STAFF_EMAILS.supervisor, env.server.demoPassword);
    await page.waitForURL((url) => url.pathname === '/console');
    await page.goto('/console/alerts?state=all');
    await page.getByTestId('alerts-table').locator('tr.ant-table-row').first().waitFor();
    const alerts = await page.getByTestId('alerts-page').innerText();
    expect(alerts).toContain('Escalation alerts');
    // Only the supervisor's own name (王主管, demo data) is in Chinese.
    expect(alerts.replace('王主管', '')).not.toMatch(HAN);
    await openConsoleComplaint(page, number);
    const card = await page.getByTestId('sla-card').innerText();
    expect(card).toContain('Resolution');
    expect(card).not.toMatch(HAN);
    await screenshot(page, 'sla-10-console-en');
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });
});
