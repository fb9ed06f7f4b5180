// What staff do in the console, as steps both complaint journeys share.
import type { Page } from 'playwright-core';
import type { useJourneyEnv } from './support.js';
import { DESKTOP, openPage, STAFF_EMAILS, staffLogin, type StaffRoleName } from './support.js';

type Env = ReturnType<typeof useJourneyEnv>;

export async function consoleLogin(env: Env, role: StaffRoleName) {
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

/** Waits until the page's live-update stream is connected (data-live="open" on the page). */
export async function waitForLive(page: Page, testId: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"][data-live="open"]`).waitFor();
}

/** Picks an option of an antd Select by its visible text. */
export async function pickOption(page: Page, selectTestId: string, text: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: text,
    })
    .first()
    .click();
}

/**
 * One request as a staff member, outside the browser: someone else changing a complaint while a
 * journey has it open. Answers the parsed body; a refusal throws with the server's answer.
 */
export async function staffRequest<T = unknown>(
  env: Env,
  role: StaffRoleName,
  method: 'POST' | 'PUT' | 'PATCH',
  path: string,
  body: unknown,
): Promise<T> {
  const { baseUrl, demoPassword } = env.server;
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: STAFF_EMAILS[role], password: demoPassword }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('redress_session='));
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: cookie ?? '',
      'x-csrf-token': csrfToken,
      'accept-language': 'zh-CN',
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
