// A case goes to 12315 and comes back: the agent transfers a complaint to 全国12315平台 with the
// number it was given there, the platform's progress is recorded in 外部平台 (one update by form,
// then a CSV import whose bad row is reported by its row number), the returned status puts the
// case back with the agent, and the complainant sees where the case is at every step.
import { describe, expect, it } from 'vitest';
import { consoleLogin, openConsoleComplaint, pickOption, waitForStage } from './console-steps.js';
import { fileQualityDispute, openPortalComplaint, portalLogin } from './portal-steps.js';
import { screenshot, useJourneyEnv } from './support.js';

const COMPLAINANT = '13912360001';
const EXTERNAL_NUMBER = '12315-2026-000888';

describe('a transfer to 12315 and its returned status', { timeout: 240_000 }, () => {
  const env = useJourneyEnv();

  it('transfers to 12315, records the platform progress and hands the case back', async () => {
    const portal = await portalLogin(env, COMPLAINANT);
    const number = await fileQualityDispute(
      portal.page,
      'JD20261122888',
      '网购的电热水壶使用一周后漏电，商家拒绝退换',
      { shop: '某电器专营店', demand: '退货退款' },
    );

    // The agent sends it to 12315 with the number the platform gave.
    const agent = await consoleLogin(env, 'agent');
    const { page } = agent;
    await openConsoleComplaint(page, number);
    const card = page.getByTestId('external-cases-card');
    await card.getByTestId('external-transfer').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await pickOption(page, 'transfer-platform', '全国12315平台');
    await page.getByTestId('transfer-external-number').fill(EXTERNAL_NUMBER);
    await page
      .getByTestId('transfer-note')
      .fill('涉及产品安全，已在全国12315平台登记，转市场监管部门处理');
    await screenshot(page, 'external-1-transfer');
    await page.getByTestId('external-transfer-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForStage(page, '已转办');
    const external = card.getByTestId('external-case');
    await expect(external.getByTestId('external-number').innerText()).resolves.toBe(
      EXTERNAL_NUMBER,
    );
    await expect(external.getByTestId('external-status').innerText()).resolves.toBe('已转送');
    await screenshot(page, 'external-2-transferred');

    // The complainant sees where the case went, with the platform's number.
    await openPortalComplaint(portal.page, number);
    const where = portal.page.getByTestId('where-external');
    await expect(where.innerText()).resolves.toContain('已转至 全国12315平台');
    await expect(where.innerText()).resolves.toContain(EXTERNAL_NUMBER);
    await expect(where.innerText()).resolves.toContain('状态：已转送');
    await screenshot(portal.page, 'external-3-portal-transferred');

    // 外部平台: one update by hand…
    await page.getByTestId('console-menu').getByText('外部平台').click();
    await page.waitForURL((url) => url.pathname === '/console/external');
    await page.getByTestId('external-platforms').getByText('全国12315平台').waitFor();
    const form = page.getByTestId('external-update-form');
    await pickOption(page, 'update-platform', '全国12315平台');
    await page.getByTestId('update-number').fill(EXTERNAL_NUMBER);
    await pickOption(page, 'update-status', '对方处理中');
    await page.getByTestId('update-note').fill('已分派至区市场监管局');
    await page.getByTestId('update-submit').click();
    await form.getByTestId('update-applied').getByText(number).waitFor();
    // …and an unknown number is refused, saying why.
    await page.getByTestId('update-number').fill('12315-NO-SUCH');
    await pickOption(page, 'update-status', '对方已办结');
    await page.getByTestId('update-submit').click();
    await form.getByTestId('update-error').waitFor();
    await screenshot(page, 'external-4-update-form');

    // …then a CSV export from the platform: the first row returns the case, the second is bad.
    // No time given: the rows count as of now, so they are newer than the update above.
    const csv = [
      '平台,外部编号,状态,说明,时间',
      `12315,${EXTERNAL_NUMBER},已退回,"经核查，需由平台与商家先行协商处理",`,
      '12315,12315-2026-404404,已退回,,',
    ].join('\n');
    await page
      .getByTestId('import-file')
      .locator('input[type=file]')
      .setInputFiles({ name: '12315回传.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-file-name').getByText('12315回传.csv').waitFor();
    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const rows = page.getByTestId('import-results').locator('tr.ant-table-row');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).innerText()).resolves.toContain(number);
    await expect(rows.nth(0).innerText()).resolves.toContain('成功');
    await expect(rows.nth(1).innerText()).resolves.toMatch(/^2\s/);
    await expect(rows.nth(1).innerText()).resolves.toContain('失败');
    await screenshot(page, 'external-5-import');

    // Found by the platform's number, the complaint is back with the agent, 调查中.
    await pickOption(page, 'lookup-platform', '全国12315平台');
    await page.getByTestId('lookup-number').fill(EXTERNAL_NUMBER);
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('lookup-result').getByText(number).waitFor();
    await page.getByTestId('lookup-open').click();
    await page.waitForURL((url) => url.pathname === `/console/complaints/${number}`);
    await waitForStage(page, '调查中');
    await expect(page.getByTestId('case-assignee').innerText()).resolves.toContain('赵客服');
    const back = page.getByTestId('external-case');
    await expect(back.getByTestId('external-status').innerText()).resolves.toBe('已退回');
    await expect(back.innerText()).resolves.toContain('需由平台与商家先行协商处理');
    await screenshot(page, 'external-6-back-with-agent');
    expect(agent.errors).toEqual([]);

    // The complainant sees the returned status and the platform's words.
    await openPortalComplaint(portal.page, number);
    await expect(where.innerText()).resolves.toContain('状态：已退回');
    await expect(portal.page.getByTestId('complaint-timeline').innerText()).resolves.toContain(
      '外部平台处理进展',
    );
    await screenshot(portal.page, 'external-7-portal-returned');
    expect(portal.errors).toEqual([]);
    await agent.context.close();
    await portal.context.close();
  });

  it('an administrator adds a platform and takes one out of use', async () => {
    const { page, errors, context } = await consoleLogin(env, 'admin');
    await page.goto('/console/external');
    const platforms = page.getByTestId('external-platforms');
    await platforms.getByText('黑猫投诉').waitFor();

    // A code outside a–z, 0–9 and _ is stopped before it is sent.
    await page.getByTestId('platform-code').fill('CCA-1');
    await page.getByTestId('platform-name').fill('中国消费者协会');
    await page.getByTestId('platform-add').click();
    await page.getByText('代码为 2–20 位小写字母、数字或 _').waitFor();
    await page.getByTestId('platform-code').fill('cca');
    await page.getByTestId('platform-add').click();
    await platforms.locator('tr.ant-table-row', { hasText: '中国消费者协会' }).waitFor();

    // Disabled: no new transfers go there (its cases still get updates).
    const heimao = page.getByTestId('platform-enabled-heimao');
    await expect(heimao.getAttribute('aria-checked')).resolves.toBe('true');
    await heimao.click();
    await expect.poll(() => heimao.getAttribute('aria-checked')).toBe('false');
    await screenshot(page, 'external-8-platforms');
    expect(errors).toEqual([]);
    await context.close();
  });
});
