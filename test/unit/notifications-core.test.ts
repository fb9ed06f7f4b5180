// The pure parts of notifications, with literal expected values: which events are key nodes,
// backoff and quiet hours, signed tracking links, template filling and checking, receipt codes.
import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../src/modules/notifications/default-templates.js';
import {
  signTrackingToken,
  trackingLink,
  verifyTrackingToken,
} from '../../src/modules/notifications/links.js';
import {
  planNodes,
  receiptCycle,
  reportScheduleChange,
  type NotifyEvent,
} from '../../src/modules/notifications/plan.js';
import { backoffMs, quietHoursEnd } from '../../src/modules/notifications/policy.js';
import { formatWhen } from '../../src/modules/notifications/queue.js';
import {
  canonicalJson,
  newReceiptCode,
  normaliseReceiptCode,
} from '../../src/modules/notifications/receipts.js';
import {
  emailHtml,
  renderTemplate,
  templateProblems,
} from '../../src/modules/notifications/render.js';
import { checkTemplate } from '../../src/modules/notifications/templates.js';
import { NOTIFY_NODES, channelsOf, varsOf } from '../../src/shared/notifications.js';
import type { AppError } from '../../src/server/lib/errors.js';

const ev = (over: Partial<NotifyEvent>): NotifyEvent => ({
  seq: 7,
  type: 'transition',
  action: null,
  fromStatus: null,
  toStatus: null,
  internal: false,
  opinion: null,
  data: {},
  at: new Date('2025-10-09T02:00:00Z'),
  ...over,
});

describe('key nodes', () => {
  it('maps lifecycle events to nodes with stable occurrences', () => {
    expect(planNodes(ev({ action: 'accept' }))).toEqual([
      { node: 'accepted', occurrence: 'once', audience: 'complainant' },
    ]);
    expect(planNodes(ev({ type: 'materials_requested', action: 'request_materials' }))).toEqual([
      { node: 'materials_requested', occurrence: '7', audience: 'complainant' },
    ]);
    expect(planNodes(ev({ action: 'resolve', fromStatus: 'investigating' }))[0]!.node).toBe(
      'result',
    );
    expect(planNodes(ev({ action: 'reject', fromStatus: 'reviewing' }))[0]!.node).toBe('result');
    expect(planNodes(ev({ action: 'resolve', fromStatus: 'reconsidering' }))[0]!.node).toBe(
      'appeal_decided',
    );
    expect(planNodes(ev({ action: 'start_reconsideration' }))[0]!.node).toBe('appeal_accepted');
    expect(planNodes(ev({ action: 'appeal' }))).toEqual([
      { node: 'staff_appealed', occurrence: '7', audience: 'assignee' },
    ]);
  });

  it('keeps staff-only entries from the complainant, except the configured apology', () => {
    expect(planNodes(ev({ type: 'note', internal: true }))).toEqual([]);
    expect(planNodes(ev({ type: 'merchant_reply', internal: true }))).toEqual([]);
    expect(
      planNodes(
        ev({ type: 'sla_breached', internal: true, data: { clock: 'resolution', cycle: 1 } }),
      ),
    ).toEqual([{ node: 'sla_apology', occurrence: 'resolution:1', audience: 'complainant' }]);
    expect(
      planNodes(ev({ type: 'sla_breached', internal: true, data: { clock: 'first_response' } })),
    ).toEqual([]);
    expect(planNodes(ev({ type: 'supervisors_alerted', internal: true }))).toEqual([
      { node: 'staff_escalation_alert', occurrence: '7', audience: 'supervisors' },
    ]);
  });

  it('starts and stops the progress report and names the receipt cycle', () => {
    expect(reportScheduleChange(ev({ action: 'accept' }))).toBe('start');
    expect(reportScheduleChange(ev({ action: 'appeal' }))).toBe('start');
    expect(reportScheduleChange(ev({ action: 'resolve' }))).toBe('stop');
    expect(reportScheduleChange(ev({ action: 'review' }))).toBeNull();
    expect(receiptCycle(ev({ action: 'resolve', fromStatus: 'investigating' }))).toBe(0);
    expect(receiptCycle(ev({ action: 'resolve', fromStatus: 'reconsidering' }))).toBe(1);
    expect(receiptCycle(ev({ action: 'close' }))).toBeNull();
  });
});

describe('delivery timing', () => {
  it('backs off from 30 s, doubling to a 6 h cap, with half the step random', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, () => 0))).toEqual([
      15_000, 30_000, 60_000, 120_000,
    ]);
    expect([1, 2, 3].map((a) => backoffMs(a, () => 1))).toEqual([30_000, 60_000, 120_000]);
    expect(backoffMs(30, () => 1)).toBe(6 * 3600_000);
    expect(backoffMs(30, () => 0)).toBe(3 * 3600_000);
  });

  it('quiet hours are 22:00–08:00 in the person\u2019s own zone', () => {
    expect(quietHoursEnd(new Date('2025-10-09T21:59:00+08:00'), 'Asia/Shanghai')).toBeNull();
    expect(quietHoursEnd(new Date('2025-10-09T22:00:00+08:00'), 'Asia/Shanghai')).toEqual(
      new Date('2025-10-10T08:00:00+08:00'),
    );
    expect(quietHoursEnd(new Date('2025-10-10T07:59:00+08:00'), 'Asia/Shanghai')).toEqual(
      new Date('2025-10-10T08:00:00+08:00'),
    );
    expect(quietHoursEnd(new Date('2025-10-10T08:00:00+08:00'), 'Asia/Shanghai')).toBeNull();
    // 14:00 in Beijing is 02:00 in New York: quiet there until 08:00 New York time.
    expect(quietHoursEnd(new Date('2025-10-09T14:00:00+08:00'), 'America/New_York')).toEqual(
      new Date('2025-10-09T08:00:00-04:00'),
    );
    // An unknown zone is treated as China time, never as "no quiet hours".
    expect(quietHoursEnd(new Date('2025-10-09T23:00:00+08:00'), 'Mars/Olympus')).toEqual(
      new Date('2025-10-10T08:00:00+08:00'),
    );
  });

  it('formats times for people in their language and zone', () => {
    const at = new Date('2025-10-14T10:00:00Z');
    expect(formatWhen(at, 'zh-CN', 'Asia/Shanghai')).toBe('2025年10月14日 18:00');
    expect(formatWhen(at, 'en', 'Asia/Shanghai')).toBe('14 Oct 2025, 18:00 (GMT+8)');
    expect(formatWhen(null, 'zh-CN', 'Asia/Shanghai')).toBe('待定');
  });
});

describe('signed tracking links', () => {
  const key = Buffer.alloc(32, 7);
  const now = new Date('2025-10-09T02:00:00Z');
  it('round-trips, expires after 90 days, and refuses any change', () => {
    const link = trackingLink('https://redress.example.com/', key, 'TS20251009-000001-3', now);
    expect(link).toMatch(
      /^https:\/\/redress\.example\.com\/t\/TS20251009-000001-3\.[0-9a-z]+\.[\w-]{27}$/,
    );
    const token = link.split('/t/')[1]!;
    const ok = verifyTrackingToken(key, token, now);
    expect(ok).toMatchObject({ ok: true, number: 'TS20251009-000001-3' });
    expect(ok.ok && ok.expiresAt.toISOString()).toBe('2026-01-07T02:00:00.000Z');
    const day89 = new Date(now.getTime() + 89 * 86400_000);
    const day91 = new Date(now.getTime() + 91 * 86400_000);
    expect(verifyTrackingToken(key, token, day89).ok).toBe(true);
    expect(verifyTrackingToken(key, token, day91)).toEqual({
      ok: false,
      reason: 'expired',
      number: 'TS20251009-000001-3',
    });
    // Another number, a later expiry, another key, garbage: all invalid.
    const [n, exp, mac] = token.split('.');
    expect(verifyTrackingToken(key, `TS20251009-000002-1.${exp}.${mac}`, now).ok).toBe(false);
    expect(verifyTrackingToken(key, `${n}.${'zzzzzz'}.${mac}`, now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyTrackingToken(Buffer.alloc(32, 8), token, now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyTrackingToken(key, 'nonsense', now)).toEqual({ ok: false, reason: 'invalid' });
    expect(signTrackingToken(key, 'A', new Date(0))).toBe(signTrackingToken(key, 'A', new Date(0)));
  });
});

describe('templates', () => {
  it('fills placeholders and leaves nothing else to interpret', () => {
    expect(
      renderTemplate('编号 {{number}}，{{ name }}；{{missing}}。', { number: 'TS1', name: '王' }),
    ).toBe('编号 TS1，王；。');
    expect(renderTemplate('{{number}}', { number: '{{name}}', name: 'x' })).toBe('{{name}}');
  });

  it('finds unknown variables and stray braces', () => {
    expect(templateProblems('{{number}} {{opinion}}', 'accepted')).toEqual({
      unknown: ['opinion'],
      strayBraces: false,
    });
    expect(templateProblems('{{number}} }}', 'accepted').strayBraces).toBe(true);
    expect(templateProblems('{{number}} {{opinion}}', 'result').unknown).toEqual([]);
  });

  it('every shipped template uses only its node\u2019s variables', () => {
    for (const node of NOTIFY_NODES) {
      for (const channel of channelsOf(node)) {
        for (const locale of ['zh-CN', 'en'] as const) {
          const t = defaultTemplate(node, channel, locale);
          expect(
            () => checkTemplate(node, channel, t),
            `${node}/${channel}/${locale}`,
          ).not.toThrow();
          expect(templateProblems(t.body, node).unknown, `${node}/${channel}/${locale}`).toEqual(
            [],
          );
        }
      }
    }
    expect(varsOf('result')).toContain('appealUntil');
  });

  it('refuses bad templates field by field', () => {
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as AppError).fields;
      }
      return null;
    };
    expect(reason(() => checkTemplate('accepted', 'sms', { body: '  ' }))).toEqual({
      body: { reason: 'required', params: undefined },
    });
    expect(reason(() => checkTemplate('accepted', 'email', { body: 'x' }))).toEqual({
      subject: { reason: 'required', params: undefined },
    });
    expect(reason(() => checkTemplate('accepted', 'sms', { body: '{{foo}}' }))).toEqual({
      body: { reason: 'unknown_variable', params: { name: 'foo' } },
    });
    expect(reason(() => checkTemplate('accepted', 'sms', { body: 'x'.repeat(301) }))).toEqual({
      body: { reason: 'too_long', params: { n: 300 } },
    });
    expect(reason(() => checkTemplate('staff_pressed', 'sms', { body: 'x' }))).toEqual({
      channel: { reason: 'invalid_value', params: undefined },
    });
    expect(checkTemplate('accepted', 'sms', { subject: 'ignored', body: ' 好 ' })).toEqual({
      subject: null,
      body: '好',
    });
  });

  it('builds the email HTML with values escaped and links clickable', () => {
    const html = emailHtml({
      title: '<b>标题</b>',
      text: '第一段 <script>\n\n详情：https://x.test/t/a.b.c',
      link: 'https://x.test/t/a.b.c',
      buttonLabel: '查看',
      footer: '页脚',
    });
    expect(html).toContain('&lt;b&gt;标题&lt;/b&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="https://x.test/t/a.b.c"');
    // Two paragraphs, the button and the footer.
    expect(html.match(/<p style/g)?.length).toBe(4);
  });
});

describe('receipt codes', () => {
  it('are 12 unambiguous characters, read back however people type them', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseReceiptCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseReceiptCode('K7QM2D9XHT4C')).toBe('K7QM-2D9X-HT4C');
    expect(normaliseReceiptCode('K7QM-2D9X-HT4I')).toBeNull();
    expect(normaliseReceiptCode('short')).toBeNull();
  });

  it('hash canonical JSON: key order does not matter', () => {
    expect(canonicalJson({ b: '2', a: '1', c: null })).toBe('{"a":"1","b":"2","c":null}');
    expect(canonicalJson({ a: '1', b: '2' })).toBe(canonicalJson({ b: '2', a: '1' }));
  });
});
