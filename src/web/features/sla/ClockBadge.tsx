// The SLA clock badge: its colour (green on track, yellow nearly due, red overdue, grey stopped)
// and the time left in words, ticking each minute from the due time without refetching. The
// tooltip names the clock and its due time.
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  PauseCircleOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockColour, ClockState, ClockView, SlaBadge, SlaUnit } from '../../../shared/sla';
import { useFormatDateTime } from '../../shared/text';
import {
  clockText,
  isTicking,
  liveColour,
  liveRemainingMs,
  msUntilNextChange,
  type ClockLang,
} from './clocks-format';
import './clocks.css';

export type AnyClock = SlaBadge | ClockView;

const TAG_COLOURS: Record<ClockColour, string> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
  grey: 'default',
};

const ICONS: Record<ClockState, ReactNode> = {
  running: <ClockCircleOutlined />,
  warning: <ExclamationCircleOutlined />,
  breached: <WarningOutlined />,
  paused: <PauseCircleOutlined />,
  met: <CheckCircleOutlined />,
  cancelled: <StopOutlined />,
};

export function useClockLang(): ClockLang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

function isFull(clock: AnyClock): clock is ClockView {
  return 'target' in clock;
}

/** The unit of a full clock's target; list badges do not carry it. */
export function unitOf(clock: AnyClock | null | undefined): SlaUnit | null {
  return clock && isFull(clock) ? clock.target.unit : null;
}

/**
 * When the server's figure was seen: remaining time moves on from there. A new figure (a refetch)
 * starts again from the moment it arrives.
 */
function useSeenAt(key: string): number {
  const [seen, setSeen] = useState(() => ({ key, at: Date.now() }));
  if (seen.key === key) return seen.at;
  const next = { key, at: Date.now() };
  setSeen(next);
  return next.at;
}

export interface LiveClock {
  remainingMs: number | null;
  colour: ClockColour;
  text: string;
}

/** A clock as it stands now, re-rendered whenever the minute shown would change. */
export function useLiveClock(
  clock: AnyClock | null | undefined,
  compact = false,
): LiveClock | null {
  const lang = useClockLang();
  const unit = unitOf(clock);
  const seenAt = useSeenAt(clock ? `${clock.state}|${clock.dueAt}|${clock.remainingMs}` : '');
  const [tick, setTick] = useState(() => Date.now());
  const now = Math.max(tick, seenAt);
  const due = clock?.dueAt ? Date.parse(clock.dueAt) : NaN;
  const ticking = Boolean(clock && isTicking(clock.state) && !Number.isNaN(due));

  useEffect(() => {
    if (!ticking) return undefined;
    const timer = window.setTimeout(() => setTick(Date.now()), msUntilNextChange(due - now));
    return () => window.clearTimeout(timer);
  }, [ticking, due, now]);

  if (!clock) return null;
  const remainingMs = liveRemainingMs(clock, unit, seenAt, now);
  const warnAt = isFull(clock) ? clock.warnAt : null;
  return {
    remainingMs,
    colour: liveColour({ ...clock, warnAt }, remainingMs, now),
    text: clockText({ state: clock.state, remainingMs }, unit, lang, compact),
  };
}

function Explanation({ clock }: { clock: AnyClock }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const unit = unitOf(clock);
  const full = isFull(clock) ? clock : null;
  return (
    <div className="slc-tip">
      <div className="slc-tip-head">
        {t(`slaClocks.kind.${clock.kind}`)} · {t(`slaClocks.state.${clock.state}`)}
      </div>
      <div>
        {clock.dueAt
          ? t('slaClocks.badge.due', { time: formatDateTime(clock.dueAt) })
          : t('slaClocks.badge.noDue')}
      </div>
      {full?.pausedSince && (
        <div>{t('slaClocks.badge.pausedSince', { time: formatDateTime(full.pausedSince) })}</div>
      )}
      {full?.metAt && <div>{t('slaClocks.badge.metAt', { time: formatDateTime(full.metAt) })}</div>}
      {unit && unit !== 'hours' && (
        <div className="slc-tip-note">{t('slaClocks.badge.working')}</div>
      )}
    </div>
  );
}

interface Props {
  clock: AnyClock | null | undefined;
  /** Say which clock before the time ("处理时限 剩余 …"), where no column or label does. */
  withKind?: boolean;
  /** What to show without a clock: nothing (default) or a dash with "无时限" on hover. */
  empty?: boolean;
  /** List cells: no minutes from 10 hours on ("剩余 23小时"). */
  compact?: boolean;
  testId?: string;
}

export function ClockBadge({
  clock,
  withKind = false,
  empty = false,
  compact = false,
  testId = 'sla-badge',
}: Props) {
  const { t } = useTranslation();
  const live = useLiveClock(clock, compact);
  if (!clock || !live) {
    if (!empty) return null;
    return (
      <Tooltip title={t('slaClocks.badge.none')}>
        <span className="slc-none" data-testid={testId} data-state="none">
          —
        </span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={<Explanation clock={clock} />}>
      <Tag
        color={TAG_COLOURS[live.colour]}
        icon={ICONS[clock.state]}
        className="slc-badge"
        data-testid={testId}
        data-kind={clock.kind}
        data-state={clock.state}
        data-colour={live.colour}
      >
        {withKind && <span className="slc-badge-kind">{t(`slaClocks.kind.${clock.kind}`)}</span>}
        {live.text}
      </Tag>
    </Tooltip>
  );
}
