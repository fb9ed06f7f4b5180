// 查询投诉进度 + 编号 and 人工服务 + 编号 (催办) in conversation. The owner (logged in) gets the
// answer at once; anyone else first gives the phone or email used when filing — the same check
// as the portal's tracking page, with the same answer for a wrong contact and a wrong number.
import {
  complaintForCaller,
  findComplaintByNumber,
  loadDetail,
  pressComplaint,
  trackComplaint,
  type ComplaintsDeps,
} from '../complaints/index.js';
import { eventTitle } from '../notifications/index.js';
import { AppError } from '../../server/lib/errors.js';
import type { Principal } from '../../server/plugins/auth.js';
import type { ComplaintDetail } from '../../shared/complaints.js';
import { errorMessage } from '../../shared/errors.js';

type L = 'zh-CN' | 'en';
const t = (locale: L, zh: string, en: string) => (locale === 'en' ? en : zh);

export interface PendingCommand {
  kind: 'verify';
  command: 'progress' | 'press';
  number: string;
}

export interface CommandTurn {
  reply: string;
  /** Set when the assistant waits for the contact (or the number) to carry on. */
  pending: PendingCommand | { kind: 'need_number'; command: 'progress' | 'press' } | null;
}

function when(iso: string, locale: L): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** The processing chain a complainant may see: each public step with its time, then the stage. */
export function chainText(d: ComplaintDetail, locale: L): string {
  const steps = d.timeline
    .slice(-8)
    .map((e) => `· ${when(e.at, locale)} ${eventTitle(e.type, e.action, locale === 'en')}`);
  const lines = [
    t(
      locale,
      `投诉 ${d.number}（${d.typeName.zh}）处理进度：`,
      `Complaint ${d.number} (${d.typeName.en}):`,
    ),
    ...steps,
    t(
      locale,
      `当前状态：${d.statusLabel.zh}。${d.stage.explanation.zh}`,
      `Now: ${d.statusLabel.en}. ${d.stage.explanation.en}`,
    ),
  ];
  if (d.estimatedCompletion) {
    lines.push(
      t(
        locale,
        `预计完成时间：${when(d.estimatedCompletion.at, locale)}（按工作日计算）`,
        `Expected by ${when(d.estimatedCompletion.at, locale)} (working days)`,
      ),
    );
  }
  lines.push(
    t(
      locale,
      `详情：[查看投诉](/complaints/${d.number})`,
      `Details: [open the complaint](/complaints/${d.number})`,
    ),
  );
  return lines.join('\n');
}

function isOwner(principal: Principal | null, complainantId: string): boolean {
  return principal?.kind === 'user' && principal.userId === complainantId;
}

function askNumber(command: 'progress' | 'press', locale: L): CommandTurn {
  return {
    reply: t(
      locale,
      '请发送投诉编号（以 TS 开头，例如 TS20251011-000123-7）。',
      'Send the complaint number (it starts with TS, e.g. TS20251011-000123-7).',
    ),
    pending: { kind: 'need_number', command },
  };
}

/** First step: a number is known (or asked for); the owner gets the answer at once. */
export async function startCommand(
  deps: ComplaintsDeps,
  input: {
    command: 'progress' | 'press';
    number: string | null;
    principal: Principal | null;
    locale: L;
  },
): Promise<CommandTurn> {
  const { locale } = input;
  if (!input.number) return askNumber(input.command, locale);
  const row = await findComplaintByNumber(deps.db, input.number);
  if (row && isOwner(input.principal, row.complainantId)) {
    return run(deps, input.command, input.number, input.principal, locale);
  }
  return {
    reply: t(
      locale,
      '为核实身份，请输入提交该投诉时留的手机号或邮箱。',
      'To check it is you, enter the phone number or email given when filing.',
    ),
    pending: { kind: 'verify', command: input.command, number: input.number },
  };
}

/** The contact given for a pending command: checked like the tracking page checks it. */
export async function verifyAndRun(
  deps: ComplaintsDeps,
  input: { pending: PendingCommand; contact: string; locale: L },
): Promise<CommandTurn> {
  const { locale, pending } = input;
  try {
    const detail = await trackComplaint(deps, {
      number: pending.number,
      contact: input.contact.trim(),
      locale,
    });
    if (pending.command === 'progress') return { reply: chainText(detail, locale), pending: null };
    const row = await findComplaintByNumber(deps.db, pending.number);
    // Verified as the person the complaint is for: press on their behalf.
    const principal: Principal = {
      kind: 'user',
      userId: row!.complainantId,
      role: 'complainant',
      sessionId: 'assistant',
      csrfToken: '',
    };
    return run(deps, 'press', pending.number, principal, locale);
  } catch (err) {
    if (
      err instanceof AppError &&
      (err.code === 'track_not_found' || err.code === 'validation_failed')
    ) {
      return {
        reply: t(
          locale,
          '编号与联系方式不匹配，请核对后重新发送“查询投诉进度 编号”。',
          'The number and the contact do not match; check them and send "progress NUMBER" again.',
        ),
        pending: null,
      };
    }
    throw err;
  }
}

async function run(
  deps: ComplaintsDeps,
  command: 'progress' | 'press',
  number: string,
  principal: Principal | null,
  locale: L,
): Promise<CommandTurn> {
  if (command === 'progress') {
    const { row, viewer } = await complaintForCaller(deps.db, principal, number);
    const detail = await loadDetail(deps, row, viewer, locale);
    return { reply: chainText(detail, locale), pending: null };
  }
  try {
    const press = await pressComplaint(deps, { principal, number, locale });
    return {
      reply: t(
        locale,
        `已为您催办投诉 ${number}（第 ${press.count} 次），处理人员会看到并尽快跟进。48 小时内可催办一次。`,
        `Pressed complaint ${number} (time ${press.count}); the person handling it will see it. You can press once every 48 hours.`,
      ),
      pending: null,
    };
  } catch (err) {
    if (err instanceof AppError && err.code === 'press_too_soon') {
      const detail = err.detail ? (locale === 'en' ? err.detail.en : err.detail.zh) : '';
      return {
        reply: `${errorMessage('press_too_soon', locale)}${detail ? `（${detail}）` : ''}`,
        pending: null,
      };
    }
    if (err instanceof AppError && err.code === 'transition_not_allowed') {
      return {
        reply: t(
          locale,
          `投诉 ${number} 当前不能催办（可能已办结）。`,
          `Complaint ${number} cannot be pressed now (it may be finished).`,
        ),
        pending: null,
      };
    }
    throw err;
  }
}
