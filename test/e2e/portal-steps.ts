// What a complainant does in the portal, as steps the merchant, external and collective
// journeys share.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, PHONE, settle, waitForOtp, type useJourneyEnv } from './support.js';

type Env = ReturnType<typeof useJourneyEnv>;

/** The complainant's portal, phone-sized, logged in with a one-time code. */
export async function portalLogin(env: Env, phone: string) {
  const opened = await openPage(env.browser, env.server.baseUrl, PHONE);
  const { page } = opened;
  await page.goto('/login');
  await page.getByTestId('login-target').fill(phone);
  const previous = env.server.lastOtp(phone);
  await page.getByTestId('send-code').click();
  const code = await waitForOtp((t) => env.server.lastOtp(t), phone, previous);
  await page.getByTestId('login-code').fill(code);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === '/me');
  return opened;
}

/**
 * Files a quality dispute (质量争议) for the logged-in complainant with the browser's own session
 * (one code per login); answers the complaint number.
 */
export async function fileQualityDispute(
  page: Page,
  order: string,
  description: string,
  opts: { shop?: string; demand?: string } = {},
): Promise<string> {
  const me = await page.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.post('/api/v1/complaints', {
    data: {
      type: 'quality_dispute',
      description,
      demand: opts.demand ?? '退款',
      fields: { order_number: order, merchant_name: opts.shop ?? '演示旗舰店' },
    },
    headers: { 'x-csrf-token': csrfToken, 'idempotency-key': `e2e-${order}` },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { complaint: { number: string } }).complaint.number;
}

export async function openPortalComplaint(page: Page, number: string): Promise<void> {
  await page.goto(`/complaints/${number}`);
  await page.getByTestId('stage-card').waitFor();
  await settle(page);
}
