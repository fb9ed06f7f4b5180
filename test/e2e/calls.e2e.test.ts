// 来电受理: a complainant rings about their complaint. The agent starts the call from the phone
// number; nothing about the caller's complaints shows until the caller is verified (a wrong name
// is refused, then the code sent to the phone verifies them); the agent attaches the complaint
// and ends the call with a note, and the complaint's timeline shows the call (电话沟通).
import { describe, expect, it } from 'vitest';
import { ApiClient } from './complaint-api-client.js';
import { consoleLogin } from './console-steps.js';
import {
  openPage,
  PHONE,
  screenshot,
  settle,
  STAFF_EMAILS,
  useJourneyEnv,
  waitForOtp,
} from './support.js';

const CALLER = '13912380001';
const CALLER_NAME = '王小明';

describe('a phone call', { timeout: 240_000 }, () => {
  const env = useJourneyEnv();

  /** Filed earlier by phone on the caller's behalf, so the caller is known by the number. */
  async function fileForCaller(): Promise<string> {
    const staff = await ApiClient.staff(env.server, STAFF_EMAILS.agent);
    const out = await staff.post<{ complaint: { number: string } }>(
      '/api/v1/complaints',
      {
        type: 'parcel_lost',
        description: '快递显示已签收，但我没有收到，联系快递员也没有回复',
        demand: '退款',
        channel: 'phone',
        complainant: { name: CALLER_NAME, phone: CALLER },
        fields: { waybill_number: 'SF8888777766', carrier: '顺丰速运' },
      },
      { 'idempotency-key': 'e2e-calls-1' },
    );
    return out.complaint.number;
  }

  it('verifies the caller before showing anything, then records the call on the complaint', async () => {
    const number = await fileForCaller();

    const agent = await consoleLogin(env, 'agent');
    const { page } = agent;
    await page.getByTestId('console-menu').getByText('来电受理').click();
    await page.waitForURL((url) => url.pathname === '/console/calls');
    await page.getByTestId('call-phone').fill('138 0000');
    await page.getByTestId('call-start-submit').click();
    await page.getByText('请输入 11 位手机号码').waitFor();
    await page.getByTestId('call-phone').fill(`+86 ${CALLER}`);
    await page.getByTestId('call-start-submit').click();

    // Known number, not verified: the caller's complaints are locked away.
    const gate = page.getByTestId('call-gate');
    await gate.waitFor();
    await expect(gate.getAttribute('data-verified')).resolves.toBe('false');
    await expect(gate.innerText()).resolves.toContain('未核验');
    await expect(page.getByTestId('caller-known').innerText()).resolves.toBe('已有账号');
    await expect(page.getByTestId('call-phone-masked').innerText()).resolves.toBe('139****0001');
    await page.getByTestId('call-complaints-locked').waitFor();
    await expect(page.getByTestId('call-complaints').innerText()).resolves.not.toContain(number);
    await screenshot(page, 'calls-1-unverified');

    // A complaint number with the wrong name is refused, with the attempts left.
    await page.getByTestId('call-verify-number').fill(number);
    await page.getByTestId('call-verify-name').fill('李四');
    await page.getByTestId('call-verify-submit').click();
    await page.getByTestId('call-verify-error').waitFor();
    await page.getByTestId('call-attempts').getByText('还可核验 4 次').waitFor();
    await expect(gate.getAttribute('data-verified')).resolves.toBe('false');
    await screenshot(page, 'calls-2-refused');

    // The code sent to the caller's phone, read back, verifies them.
    const previous = env.server.lastOtp(CALLER);
    await page.getByTestId('call-send-code').click();
    const code = await waitForOtp((t) => env.server.lastOtp(t), CALLER, previous);
    await page.getByTestId('call-code').locator('input').fill(code);
    await page.getByTestId('call-code').getByRole('button').click();
    await expect.poll(() => gate.getAttribute('data-verified'), { timeout: 10_000 }).toBe('true');
    await expect(gate.innerText()).resolves.toContain('通过短信验证码核验');
    const link = page.getByTestId('call-complaint-link');
    await expect(link.innerText()).resolves.toContain(number);
    await screenshot(page, 'calls-3-verified');

    // The agent attaches the complaint talked about and ends the call with a note.
    await page.getByTestId('call-complaint-attach').click();
    await page.getByTestId('call-attached').getByText(number).waitFor();
    await expect(page.getByTestId('call-complaints').innerText()).resolves.toContain('已关联');
    await page.getByTestId('call-note').fill('来电人询问进度，已告知预计完成时间。');
    await page.getByTestId('call-end-submit').click();
    await page.getByTestId('call-ended').waitFor();
    await expect(page.getByTestId('call-ended').innerText()).resolves.toContain(number);
    await screenshot(page, 'calls-4-ended');
    expect(agent.errors).toEqual([]);

    // The complainant, tracking the complaint on a phone, sees the call in plain words.
    const caller = await openPage(env.browser, env.server.baseUrl, PHONE);
    await caller.page.goto('/track');
    await caller.page.getByTestId('track-number').fill(number);
    await caller.page.getByTestId('track-contact').fill(CALLER);
    await caller.page.getByTestId('track-submit').click();
    await caller.page.getByTestId('stage-card').waitFor();
    await settle(caller.page);
    const timeline = caller.page.getByTestId('complaint-timeline');
    await expect(timeline.innerText()).resolves.toContain('电话沟通');
    await expect(timeline.innerText()).resolves.toContain('您来电');
    // The internal call note is for staff only.
    await expect(timeline.innerText()).resolves.not.toContain('已告知预计完成时间');
    await screenshot(caller.page, 'calls-5-portal');
    expect(caller.errors).toEqual([]);
    await agent.context.close();
    await caller.context.close();
  });
});
