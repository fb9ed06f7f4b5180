// The administrator edits a problem type (keywords, SLA note, a new required field, after the
// server refused a duplicate key) and sees the change; an agent sees the catalogue read-only.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  openPage,
  screenshot,
  STAFF_EMAILS,
  staffLogin,
  useJourneyEnv,
} from './support.js';

const NOTE = '24 小时内首次响应，3 个工作日办结（演示修改）';

async function openCatalog(page: Page): Promise<void> {
  await page.getByTestId('console-menu').getByText('投诉分类').click();
  await page.waitForURL((url) => url.pathname === '/console/catalog');
  await page.getByTestId('catalog-table').locator('tr.ant-table-row').first().waitFor();
}

async function expand(page: Page, categoryCode: string): Promise<void> {
  await page
    .getByTestId('catalog-table')
    .locator('tr.ant-table-row', { hasText: categoryCode })
    .first()
    .click();
  await page.getByTestId(`types-${categoryCode}`).waitFor();
}

describe('catalogue editing in the console', { timeout: 90_000 }, () => {
  const env = useJourneyEnv();

  it('an admin edits keywords, the SLA note and the required fields of a type', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
    await staffLogin(page, STAFF_EMAILS.admin, env.server.demoPassword);
    await page.waitForURL((url) => url.pathname === '/console');
    await openCatalog(page);
    await expect(page.getByTestId('catalog-mode').innerText()).resolves.toContain('新增和修改');
    await expand(page, 'express_delivery');
    await screenshot(page, 'catalog-admin-list');

    await page.getByTestId('edit-type-delivery_delayed').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '编辑问题类型' });
    await drawer.waitFor();
    await expect(page.getByTestId('type-code').inputValue()).resolves.toBe('delivery_delayed');

    const keywords = page.getByTestId('type-keywords');
    await keywords.click();
    await page.keyboard.type('物流停了');
    await page.keyboard.press('Enter');
    await keywords.locator('.ant-select-selection-item', { hasText: '物流停了' }).waitFor();
    await page.getByTestId('sla-note-zh').fill(NOTE);

    await page.getByTestId('field-add').click();
    const lastRow = drawer.locator('.catalog-fields-row:not(.catalog-list-head)').last();
    // waybill_number is taken by the first row: only the server checks that, by field.
    await lastRow.getByTestId('field-key').fill('waybill_number');
    // Under load a click can land while the dropdown is still animating open: retry the pick.
    for (let attempt = 0; attempt < 3; attempt++) {
      await lastRow.getByTestId('field-kind').click();
      const option = page.locator('.ant-select-item-option:visible', { hasText: /^日期$/ });
      await option.waitFor();
      await option.click();
      await page.waitForTimeout(300);
      if ((await lastRow.getByTestId('field-kind').innerText()) === '日期') break;
    }
    await expect(lastRow.getByTestId('field-kind').innerText()).resolves.toBe('日期');
    await lastRow.getByTestId('field-label-zh').fill('原定送达日期');
    await lastRow.getByTestId('field-label-en').fill('Expected delivery date');
    await page.getByTestId('type-save').click();
    await lastRow.getByText('与列表中另一项重复').waitFor();
    await screenshot(page, 'catalog-admin-type-error');

    await lastRow.getByTestId('field-key').fill('expected_date');
    await page.getByTestId('type-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('已保存“延误”').waitFor();

    const row = page
      .getByTestId('types-express_delivery')
      .locator('tr.ant-table-row', { hasText: 'delivery_delayed' });
    await row.getByText(NOTE).waitFor();
    await row.getByText('原定送达日期').waitFor();
    await expect(row.locator('.catalog-keywords').getAttribute('title')).resolves.toContain(
      '物流停了',
    );
    await screenshot(page, 'catalog-admin-saved');

    // The new keyword reaches the suggester at once.
    await page.getByTestId('suggest-input').locator('input').fill('物流停了好几天');
    await page.getByTestId('suggest-input').locator('input').press('Enter');
    const first = page.getByTestId('suggest-results').locator('li').first();
    await expect(first.innerText()).resolves.toContain('延误');
    await screenshot(page, 'catalog-admin-suggest');

    // Saved for real: still there after a reload.
    await page.reload();
    await expand(page, 'express_delivery');
    await row.getByText(NOTE).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin adds a category; the form explains a missing refusal guidance', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
    await staffLogin(page, STAFF_EMAILS.admin, env.server.demoPassword);
    await page.waitForURL((url) => url.pathname === '/console');
    await openCatalog(page);
    await page.getByTestId('new-category').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新建类别' });
    await drawer.waitFor();
    await page.getByTestId('category-code').fill('after_sale_insurance');
    await drawer.getByPlaceholder('中文').first().fill('退货运费险');
    await drawer.getByPlaceholder('English').first().fill('Return shipping insurance');
    await page.getByTestId('category-accepted').click();
    await page.getByTestId('category-save').click();
    await drawer.getByText('不受理的类别须填写引导说明').first().waitFor();
    await screenshot(page, 'catalog-admin-category-error');

    await page.getByTestId('category-accepted').click();
    // A code already in use: only the server knows, and says so under the field.
    await page.getByTestId('category-code').fill('express_delivery');
    await page.getByTestId('category-save').click();
    await drawer.getByText('已被使用').waitFor();
    await screenshot(page, 'catalog-admin-category-taken');

    await page.getByTestId('category-code').fill('after_sale_insurance');
    await page.getByTestId('category-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page
      .getByTestId('catalog-table')
      .locator('tr.ant-table-row', { hasText: 'after_sale_insurance' })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an agent sees the catalogue read-only', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
    await staffLogin(page, STAFF_EMAILS.agent, env.server.demoPassword);
    await page.waitForURL((url) => url.pathname === '/console');
    await openCatalog(page);
    await expect(page.getByTestId('catalog-mode').innerText()).resolves.toContain('只读');
    await expand(page, 'express_delivery');
    // The agent sees the admin's earlier edit, but no way to make one.
    await page.getByTestId('types-express_delivery').getByText(NOTE).waitFor();
    await expect(page.getByTestId('new-category').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid^=edit-]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid^=add-type-]').count()).resolves.toBe(0);
    await screenshot(page, 'catalog-agent-readonly');
    expect(errors).toEqual([]);
    await context.close();
  });
});
