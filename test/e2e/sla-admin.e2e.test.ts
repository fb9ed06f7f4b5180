// 时效与日历 in the console. The administrator checks the shipped calendar (2025 with its State
// Council notice, 2027 flagged as missing), imports 2027 from an iCalendar file that spans two
// years (refused until the years are ticked), corrects the year's source, previews the spec's
// National Day example (due 2025-10-11 10:00 +08:00), edits and resets a policy, and switches an
// escalation rule off. An agent sees the same page read-only and can still preview.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleLogin } from './console-steps.js';
import { screenshot, useJourneyEnv } from './support.js';

const NOTICE_2025 = '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）';
const SOURCE_2027 = '国务院办公厅关于2027年部分节假日安排的通知（演示导入）';
const POLICY = 'express_delivery/delivery_delayed';
const RULE = 'untreated_48h';

// 元旦 2027 starts on 31 December 2026, so the file touches two years.
const ICS_2027 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Redress e2e//CN',
  'BEGIN:VEVENT',
  'UID:ny-2027@e2e',
  'DTSTART;VALUE=DATE:20261231',
  'DTEND;VALUE=DATE:20270102',
  'SUMMARY:元旦',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:nd-2027@e2e',
  'DTSTART;VALUE=DATE:20271001',
  'DTEND;VALUE=DATE:20271008',
  'SUMMARY:国庆节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:nd-work-2027@e2e',
  'DTSTART;VALUE=DATE:20270925',
  'DTEND;VALUE=DATE:20270926',
  'SUMMARY:国庆节调休上班',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

async function openSla(page: Page): Promise<void> {
  await page.getByTestId('console-menu').getByText('时效与日历').click();
  await page.waitForURL((url) => url.pathname === '/console/sla');
  await page.getByTestId('years-table').locator('tr.ant-table-row').first().waitFor();
}

async function openTab(page: Page, tab: 'calendars' | 'preview' | 'policies' | 'rules') {
  await page.getByTestId(`sla-tab-${tab}`).click();
}

function yearRow(page: Page, year: number) {
  return page.getByTestId('years-table').locator(`tr[data-row-key="${year}"]`);
}

/** The spec's example: 3 working days from 2025-09-30 10:00 on cn-mainland. */
async function previewNationalDay(page: Page): Promise<void> {
  await openTab(page, 'preview');
  const start = page.getByTestId('preview-start');
  await start.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2025-09-30 10:00');
  await page.keyboard.press('Enter');
  await page.getByTestId('preview-amount').fill('3');
  await page.getByTestId('preview-run').click();
  await page.getByTestId('preview-due').getByText('2025-10-11 10:00').waitFor();
}

describe('SLA & calendars in the console', { timeout: 120_000 }, () => {
  const env = useJourneyEnv();

  it('an admin checks and extends the calendar, previews a due time, edits a policy and a rule', async () => {
    const { page, context, errors } = await consoleLogin(env, 'admin');
    await openSla(page);
    await expect(page.getByTestId('sla-mode').innerText()).resolves.toContain('编辑');

    // The shipped years cite their notice; the next year is flagged before anyone meets a refusal.
    await expect(yearRow(page, 2025).innerText()).resolves.toContain(NOTICE_2025);
    await page.getByTestId('year-missing-2027').getByText('2027 年无数据').waitFor();
    await yearRow(page, 2025).click();
    await page.getByTestId('year-title').getByText('2025 年节假日与调休').waitFor();
    await page.locator('[data-date="2025-10-01"].sla-day-holiday').waitFor();
    await page.locator('[data-date="2025-10-11"].sla-day-workday').waitFor();
    await screenshot(page, 'sla-admin-calendar-grid');
    await page.getByTestId('view-list').click();
    const days = page.getByTestId('days-table');
    await days
      .locator('tr[data-row-key="2025-10-11"]')
      .getByText('调休上班', { exact: true })
      .waitFor();
    await days.getByText('国庆节、中秋节').first().waitFor();
    await screenshot(page, 'sla-admin-calendar-list');

    // Import 2027 from a file that touches 2026 too: refused until the admin says which year.
    await page.getByTestId('calendar-import').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '导入节假日' });
    await dialog.waitFor();
    await page.getByTestId('import-source').fill(SOURCE_2027);
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'holidays-2027.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(ICS_2027, 'utf8'),
    });
    await dialog.getByText('已读取：holidays-2027.ics').waitFor();
    await page.getByTestId('import-submit').click();
    await dialog.getByText('文件涉及多个年份').first().waitFor();
    await screenshot(page, 'sla-admin-import-years');
    await page.getByTestId('import-years').getByText('2027').click();
    await page.getByTestId('import-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('2027 年放假 8 天、调休上班 1 天').waitFor();
    await expect(yearRow(page, 2027).innerText()).resolves.toContain(SOURCE_2027);
    await expect(page.getByTestId('year-missing-2027').count()).resolves.toBe(0);
    // The day of 2026 in the file was left alone: 2026 keeps its own notice.
    await expect(yearRow(page, 2026).innerText()).resolves.toContain('2026年部分节假日安排');

    // Correct the imported year's source in the year editor (PUT …/years/2027).
    await page.getByTestId('year-edit-2027').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '编辑 2027 年节假日与调休' });
    await drawer.waitFor();
    await expect(drawer.getByTestId('year-day-row').count()).resolves.toBe(9);
    await page.getByTestId('year-source').fill(`${SOURCE_2027}（已核对）`);
    await screenshot(page, 'sla-admin-year-editor');
    await page.getByTestId('year-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await expect(yearRow(page, 2027).innerText()).resolves.toContain('（已核对）');

    // SLA 预览: the spec's National Day example.
    await previewNationalDay(page);
    await page.getByText('2025-10-11T10:00:00+08:00').waitFor();
    await page.getByTestId('preview-counted').getByText('国庆节调休上班').waitFor();
    await page.getByTestId('preview-skipped').getByText('国庆节、中秋节').waitFor();
    await screenshot(page, 'sla-admin-preview');

    // 时效策略: change a first-response target; an empty policy is refused on the right field.
    await openTab(page, 'policies');
    await page.getByTestId('policies-intro').getByText('之后受理的投诉').waitFor();
    const row = page.getByTestId('policies-table').locator('tr.ant-table-row', {
      has: page.getByTestId(`policy-edit-${POLICY}`),
    });
    await expect(page.getByTestId(`policy-source-${POLICY}`).innerText()).resolves.toBe('默认');
    await screenshot(page, 'sla-admin-policies');
    await page.getByTestId(`policy-edit-${POLICY}`).click();
    const policyDrawer = page.getByRole('dialog').filter({ hasText: '编辑时效策略' });
    await policyDrawer.waitFor();
    // Checked here: a policy must time something.
    for (const key of ['firstResponse', 'resolution', 'hardMax']) {
      await page.getByTestId(`policy-${key}-value`).fill('');
    }
    await page.getByTestId('policy-save').click();
    await policyDrawer.getByText('至少设置一项').waitFor();
    // Checked by the server: a target of zero, refused under its own field.
    await page.getByTestId('policy-firstResponse-value').fill('0');
    await page.getByTestId('policy-save').click();
    const firstResponseItem = policyDrawer.locator('.ant-form-item', {
      has: page.getByTestId('policy-firstResponse-value'),
    });
    await firstResponseItem.getByText('超出允许范围').waitFor();
    await screenshot(page, 'sla-admin-policy-error');
    await page.getByTestId('policy-firstResponse-value').fill('12');
    await page.getByTestId('policy-resolution-value').fill('5');
    await page.getByTestId('policy-hardMax-value').fill('10');
    await page.getByTestId('policy-save').click();
    await policyDrawer.waitFor({ state: 'hidden' });
    await expect(page.getByTestId(`policy-source-${POLICY}`).innerText()).resolves.toBe('自定义');
    await row.getByText('12 小时').waitFor();
    await screenshot(page, 'sla-admin-policy-saved');
    await page.reload();
    await page.getByTestId(`policy-source-${POLICY}`).getByText('自定义').waitFor();

    // …and back to the catalogue's figures.
    await page.getByTestId(`policy-reset-${POLICY}`).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /恢复默认/ })
      .click();
    await page.getByTestId(`policy-source-${POLICY}`).getByText('默认').waitFor();

    // 升级规则: conditions in words; switch the 48-hour rule off, and it stays off.
    await openTab(page, 'rules');
    await page.getByTestId(`rule-condition-${RULE}`).getByText('受理后 48 小时未处理').waitFor();
    await page
      .getByTestId('rule-condition-no_progress_3wd')
      .getByText('3 个工作日无进展')
      .waitFor();
    const toggle = page.getByTestId(`rule-enabled-${RULE}`);
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
    await toggle.click();
    await page.getByText('已停用“48 小时未处理').waitFor();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
    await screenshot(page, 'sla-admin-rules');
    await page.reload();
    await expect(
      page.getByTestId(`rule-enabled-${RULE}`).getAttribute('aria-checked'),
    ).resolves.toBe('false');
    await page.getByTestId('rule-edit-resolution_breached').click();
    const ruleDrawer = page.getByRole('dialog').filter({ hasText: '编辑升级规则' });
    await ruleDrawer.getByText('处理时限已超时').waitFor();
    await screenshot(page, 'sla-admin-rule-editor');
    await ruleDrawer.getByRole('button', { name: /取\s*消/ }).click();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('an agent sees calendars, policies and rules read-only and can preview', async () => {
    const { page, context, errors } = await consoleLogin(env, 'agent');
    await openSla(page);
    await expect(page.getByTestId('sla-mode').innerText()).resolves.toContain('只读');
    await expect(yearRow(page, 2025).innerText()).resolves.toContain(NOTICE_2025);
    await expect(page.getByTestId('calendar-import').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid^=year-edit-]').count()).resolves.toBe(0);
    await screenshot(page, 'sla-agent-calendars');

    await previewNationalDay(page);
    // A span reaching a year the calendar does not know is refused, and the page says which.
    await page.getByTestId('preview-start').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2028-03-01 10:00');
    await page.keyboard.press('Enter');
    await page.getByTestId('preview-run').click();
    await page.getByTestId('preview-error').getByText('2028').first().waitFor();
    await screenshot(page, 'sla-agent-preview-refused');

    await openTab(page, 'policies');
    await page.getByTestId('policies-table').locator('tr.ant-table-row').first().waitFor();
    await expect(page.locator('[data-testid^=policy-edit-]').count()).resolves.toBe(0);
    await expect(page.getByTestId('policy-new-default').count()).resolves.toBe(0);

    await openTab(page, 'rules');
    // The admin switched this one off in the journey above.
    await page.getByTestId(`rule-state-${RULE}`).getByText('已停用').waitFor();
    await expect(page.locator('[data-testid^=rule-enabled-]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid^=rule-edit-]').count()).resolves.toBe(0);
    await expect(page.getByTestId('rule-new').count()).resolves.toBe(0);
    await screenshot(page, 'sla-agent-rules');

    expect(errors).toEqual([]);
    await context.close();
  });
});
