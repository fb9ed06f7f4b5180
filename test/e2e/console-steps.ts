// What staff do in the console, as steps both complaint journeys share.
import type { Page } from 'playwright-core';
import type { useJourneyEnv } from './support.js';
import { DESKTOP, openPage, STAFF_EMAILS, staffLogin } from './support.js';

type Env = ReturnType<typeof useJourneyEnv>;

export async function consoleLogin(env: Env, role: 'agent' | 'expert' | 'merchant') {
  const opened = await openPage(env.browser, env.server.baseUrl, DESKTOP);
  await staffLogin(opened.page, STAFF_EMAILS[role], env.server.demoPassword);
  await opened.page.waitForURL((url) => url.pathname === '/console');
  return opened;
}

export async function openConsoleComplaint(page: Page, number: string): Promise<void> {
  await page.goto(`/console/complaints/${number}`);
  await page.getByTestId('complaint-page').waitFor();
}

export async function waitForStage(page: Page, label: string): Promise<void> {
  await page.getByTestId('complaint-header').getByTestId('status-tag').getByText(label).waitFor();
}

/** 办结 through the modal, with the handling opinion. */
export async function resolveInConsole(page: Page, opinion: string): Promise<void> {
  await page.getByTestId('action-resolve').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.getByTestId('opinion-input').fill(opinion);
  await dialog.getByRole('button', { name: /办\s*结/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await waitForStage(page, '处理完成');
}

/** 要求补充材料 with the items the console prefills; answers the items asked. */
export async function requestMaterialsInConsole(page: Page, note: string): Promise<string[]> {
  await page.getByTestId('action-request_materials').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const items = await dialog.locator('.ant-select-selection-item').allInnerTexts();
  await page.getByTestId('materials-note').fill(note);
  await dialog.getByRole('button', { name: '发送要求' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await waitForStage(page, '待补充材料');
  return items;
}

export async function consoleStage(page: Page): Promise<string> {
  return (await page.getByTestId('complaint-header').getByTestId('status-tag').innerText()).trim();
}
