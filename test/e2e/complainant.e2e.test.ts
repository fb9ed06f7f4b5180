// A complainant logs in with a one-time code, sees their masked details, and logs out.
import { describe, expect, it } from 'vitest';
import {
  COMPLAINANT_PHONE,
  DESKTOP,
  openPage,
  PHONE,
  screenshot,
  waitForOtp,
  useJourneyEnv,
} from './support.js';

describe('complainant journeys', { timeout: 90_000 }, () => {
  const env = useJourneyEnv();

  it('logs in with an SMS code, shows the masked phone on 我的, and logs out', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, PHONE);
    await page.goto('/me');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/me');

    // A malformed number is refused in the form, before anything is sent.
    await page.getByTestId('login-target').fill('12345');
    await page.getByTestId('send-code').click();
    await page.getByText('请输入正确的中国大陆手机号或邮箱地址').waitFor();

    const previous = env.server.lastOtp(COMPLAINANT_PHONE);
    await page.getByTestId('login-target').fill(COMPLAINANT_PHONE);
    await page.getByTestId('send-code').click();
    await page.getByText(/秒后重发/).waitFor();
    await expect(page.getByTestId('send-code').isDisabled()).resolves.toBe(true);
    const code = await waitForOtp((t) => env.server.lastOtp(t), COMPLAINANT_PHONE, previous);
    expect(code).toMatch(/^\d{6}$/);
    await screenshot(page, 'portal-login');

    // A wrong code is answered under the code field, not with a crash.
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByTestId('login-code').fill(wrong);
    await page.getByTestId('login-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await screenshot(page, 'portal-login-wrong-code');

    await page.getByTestId('login-code').fill(code);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/me');
    const phone = await page.getByTestId('me-phone').innerText();
    expect(phone).toContain('****');
    expect(phone).not.toContain(COMPLAINANT_PHONE);
    expect(phone.startsWith('138')).toBe(true);
    await screenshot(page, 'portal-me');

    await page.getByTestId('logout').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/me');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a complainant who opens the console gets 403 with a way to the portal', async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.baseUrl, DESKTOP);
    // A second address, so the first journey's resend cool-down does not apply; the first
    // login by email also creates the account.
    const email = 'e2e.complainant@example.com';
    await page.goto('/login');
    await page.getByTestId('login-target').fill(email);
    await page.getByTestId('send-code').click();
    await page.getByText('验证码已发送至您的邮箱', { exact: false }).waitFor();
    const code = await waitForOtp((t) => env.server.lastOtp(t), email);
    await page.getByTestId('login-code').fill(code);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/me');
    await screenshot(page, 'portal-me-desktop');

    await page.goto('/console');
    await page.getByTestId('forbidden').waitFor();
    await expect(page.getByText('无权访问').isVisible()).resolves.toBe(true);
    await screenshot(page, 'console-forbidden-complainant');
    await page.getByRole('link', { name: '前往投诉服务门户' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(errors).toEqual([]);
    await context.close();
  });
});
