// Small pieces the case-extras pages share: the merchant's phase, a remedy's kind and status, an
// external platform's status, and the countdown to a deadline.
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, type ButtonProps } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ExternalCase,
  ExternalStatus,
  MerchantPhase,
  Remedy,
  RemedyStatus,
} from '../../app/types';
import { useFormatDateTime, useLocalText } from '../../shared/text';

const PHASE_COLORS: Record<MerchantPhase, string> = {
  awaiting_reply: 'orange',
  replied: 'blue',
  remedy_proposed: 'gold',
  remedy_accepted: 'green',
  remedy_refused: 'red',
  arbitration: 'volcano',
  arbitrated: 'default',
};

export function PhaseTag({ phase }: { phase: MerchantPhase | null }) {
  const { t } = useTranslation();
  if (!phase) return null;
  return (
    <Tag color={PHASE_COLORS[phase]} style={{ marginInlineEnd: 0 }} data-testid="phase-tag">
      {t(`caseExtras.phase.${phase}`)}
    </Tag>
  );
}

const REMEDY_COLORS: Record<RemedyStatus, string> = {
  proposed: 'processing',
  accepted: 'green',
  refused: 'red',
  expired: 'default',
};

export function RemedyStatusTag({ status }: { status: RemedyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REMEDY_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="remedy-status">
      {t(`caseExtras.remedy.status.${status}`)}
    </Tag>
  );
}

/** "退款 ¥12.50", "补发商品". */
export function useRemedyText(): (remedy: Pick<Remedy, 'kind' | 'amount'>) => string {
  const { t } = useTranslation();
  return (remedy) => {
    const kind = t(`caseExtras.remedy.kind.${remedy.kind}`);
    return remedy.amount ? `${kind} ¥${remedy.amount}` : kind;
  };
}

const EXTERNAL_COLORS: Record<ExternalStatus, string> = {
  transferred: 'cyan',
  accepted: 'blue',
  processing: 'processing',
  resolved: 'green',
  closed: 'default',
  returned: 'orange',
};

export function ExternalStatusTag({
  item,
}: {
  item: Pick<ExternalCase, 'status' | 'statusLabel'>;
}) {
  const local = useLocalText();
  return (
    <Tag
      color={EXTERNAL_COLORS[item.status]}
      style={{ marginInlineEnd: 0 }}
      data-testid="external-status"
    >
      {local(item.statusLabel)}
    </Tag>
  );
}

/** The current time, refreshed every `everyMs` (deadlines move while a page stays open). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Under two hours left (or past due), a deadline turns red. */
const URGENT_MS = 2 * 3600_000;

function spanText(ms: number, t: TFunction): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t('caseExtras.countdown.daysHours', { days, hours });
  if (hours > 0) return t('caseExtras.countdown.hoursMinutes', { hours, minutes: mins });
  return t('caseExtras.countdown.minutes', { minutes: mins });
}

/** "剩余 5 小时 12 分" or "已超时 1 小时 3 分", red when urgent. */
export function DueCountdown({ due }: { due: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const left = new Date(due).getTime() - now;
  if (Number.isNaN(left)) return null;
  const overdue = left <= 0;
  const urgent = left < URGENT_MS;
  return (
    <span
      className={urgent ? 'ce-due ce-due-urgent' : 'ce-due'}
      data-testid="reply-countdown"
      data-urgent={urgent ? 'true' : 'false'}
    >
      <ClockCircleOutlined />
      {overdue
        ? t('caseExtras.countdown.overdue', { span: spanText(-left, t) })
        : t('caseExtras.countdown.left', { span: spanText(left, t) })}
    </span>
  );
}

/** The numbers typed in one box, separated by spaces, commas or new lines, upper-cased. */
export function parseNumbers(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/)
        .map((n) => n.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** A test id for a button antd renders itself (a modal's OK button). */
export function testIdProps(id: string): ButtonProps {
  return { 'data-testid': id } as ButtonProps;
}

/** The server's limit for a collective case's title (CreateCollectiveBody). */
export const COLLECTIVE_TITLE_MAX = 60;

export const merchantCasePath = (number: string) =>
  `/console/merchant/complaints/${encodeURIComponent(number)}`;

export const collectivePath = (id: string) => `/console/collective/${encodeURIComponent(id)}`;

/**
 * While the first reply is owed, the deadline counts down; afterwards the deadline with whether it
 * was met.
 */
export function ReplyDue({
  item,
}: {
  item: { phase: MerchantPhase | null; replyDueAt: string | null; firstReplyAt?: string | null };
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const due = item.replyDueAt;
  if (!due) return <span className="ce-muted">—</span>;
  if (item.firstReplyAt) {
    const onTime = new Date(item.firstReplyAt).getTime() <= new Date(due).getTime();
    return (
      <span className="ce-due-done">
        <span>{formatDateTime(due)}</span>
        <Tag
          color={onTime ? 'green' : 'red'}
          style={{ marginInlineEnd: 0 }}
          data-testid="reply-met"
        >
          {t(onTime ? 'caseExtras.inbox.onTime' : 'caseExtras.inbox.late')}
        </Tag>
      </span>
    );
  }
  if (item.phase !== 'awaiting_reply') {
    return (
      <span className="ce-due-done">
        <span>{formatDateTime(due)}</span>
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="reply-met">
          {t('caseExtras.inbox.missed')}
        </Tag>
      </span>
    );
  }
  return (
    <span>
      <DueCountdown due={due} />
      <div className="ce-muted">{t('caseExtras.inbox.dueAt', { at: formatDateTime(due) })}</div>
    </span>
  );
}
