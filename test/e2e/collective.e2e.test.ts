// A collective case (集体投诉): two people complain about the same shop; the agent links the two
// complaints, merges them into a collective case from the complaint page, posts progress on the
// collective case's page, and each complainant sees that progress on their own complaint.
import { describe, expect, it } from 'vitest';
import { consoleLogin, openConsoleComplaint } from './console-steps.js';
import { fileQualityDispute, openPortalComplaint, portalLogin } from './portal-steps.js';
import { screenshot, useJourneyEnv } from './support.js';

const FIRST_PHONE = '13912370001';
const SECOND_PHONE = '13912370002';
const PROGRESS = '已约谈商户，商户承诺本周内为所有未发货订单统一退款。';

describe('a collective case', { timeout: 240_000 }, () => {
  const env = useJourneyEnv();

  it('merges two complainants’ complaints, posts progress, and both see it', async () => {
    const first = await portalLogin(env, FIRST_PHONE);
    const firstNumber = await fileQualityDispute(
      first.page,
      'DD202611225001',
      '双十一在演示旗舰店下单的羽绒服，付款十天仍未发货',
    );
    const second = await portalLogin(env, SECOND_PHONE);
    const secondNumber = await fileQualityDispute(
      second.page,
      'DD202611225002',
      '演示旗舰店的订单一直显示待发货，联系客服没人回',
    );

    // The agent links the second complaint to the first…
    const agent = await consoleLogin(env, 'agent');
    const { page } = agent;
    await openConsoleComplaint(page, firstNumber);
    const card = page.getByTestId('collective-card');
    await card.getByTestId('link-number').fill(secondNumber.toLowerCase());
    await card.getByTestId('link-note').fill('同一店铺未发货');
    await card.getByTestId('link-add').click();
    const link = card.getByTestId('link-item');
    await link.getByText(secondNumber).waitFor();
    await expect(link.innerText()).resolves.toContain('同一店铺未发货');
    await screenshot(page, 'collective-1-linked');

    // …and merges them: the linked complaint is already filled in.
    await card.getByTestId('collective-merge').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(page.getByTestId('collective-numbers').inputValue()).resolves.toBe(secondNumber);
    await page.getByTestId('collective-merge-submit').click();
    await dialog.getByText('请填写标题').waitFor();
    await page.getByTestId('collective-title').fill('演示旗舰店双十一订单未发货');
    await screenshot(page, 'collective-2-merge');
    await page.getByTestId('collective-merge-submit').click();
    await page.waitForURL((url) => url.pathname.startsWith('/console/collective/'));
    const members = page.getByTestId('collective-members').locator('tr.ant-table-row');
    await members.nth(1).waitFor();
    await expect(members.count()).resolves.toBe(2);
    await expect(page.getByTestId('collective-members').innerText()).resolves.toContain(
      firstNumber,
    );
    await expect(page.getByTestId('collective-members').innerText()).resolves.toContain(
      secondNumber,
    );
    const collectiveNumber = (await page.getByTestId('collective-number').innerText()).trim();

    // Progress, posted once, reaches every member.
    await page.getByTestId('collective-progress-text').fill(PROGRESS);
    await screenshot(page, 'collective-3-case');
    await page.getByTestId('collective-progress-send').click();
    await page.getByTestId('collective-latest-progress').getByText(PROGRESS).waitFor();
    await expect(page.getByTestId('collective-progress-text').inputValue()).resolves.toBe('');
    await screenshot(page, 'collective-4-progress');

    // The list of collective cases shows it with its latest progress.
    await page.getByTestId('console-menu').getByText('集体投诉').click();
    await page.waitForURL((url) => url.pathname === '/console/collective');
    const row = page.getByTestId('collective-list').locator('tr.ant-table-row', {
      hasText: collectiveNumber,
    });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(PROGRESS);
    await screenshot(page, 'collective-5-list');

    // The complaint page names the collective case it is in.
    await openConsoleComplaint(page, secondNumber);
    await page.getByTestId('collective-summary').getByText('演示旗舰店双十一订单未发货').waitFor();
    await page.getByTestId('case-tags').getByText('集体投诉').waitFor();
    expect(agent.errors).toEqual([]);

    // Each complainant sees the collective case and its progress on their own complaint.
    for (const [opened, number, name] of [
      [first, firstNumber, 'first'],
      [second, secondNumber, 'second'],
    ] as const) {
      await openPortalComplaint(opened.page, number);
      const where = opened.page.getByTestId('where-collective');
      await expect(where.innerText()).resolves.toContain('演示旗舰店双十一订单未发货');
      await expect(where.getByTestId('collective-progress').innerText()).resolves.toContain(
        PROGRESS,
      );
      await expect(opened.page.getByTestId('complaint-timeline').innerText()).resolves.toContain(
        '集体投诉进展',
      );
      await screenshot(opened.page, `collective-6-portal-${name}`);
      expect(opened.errors).toEqual([]);
    }
    for (const opened of [agent, first, second]) await opened.context.close();
  });
});
