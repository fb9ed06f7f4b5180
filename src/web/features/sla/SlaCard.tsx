// 时效: every SLA clock of the case (kind, state, target, due time, time left, pauses), the
// express tier, the complainant's 催办 and the teams asked to assist; supervisors add one here.
import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import type { ComplaintDetail } from '../../app/types';
import type { ClockColour, ClockView } from '../../../shared/sla';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { useCalendarName } from './api';
import { AssistTeamButton } from './AssistTeamButton';
import { ClockBadge, useClockLang, useLiveClock } from './ClockBadge';
import { clockText, formatTarget, isTicking } from './clocks-format';
import { ExpressTierTag } from './ExpressTierTag';
import { PressTag } from './PressTag';
import './clocks.css';

const STATE_COLOURS: Record<ClockColour, string> = {
  green: 'green',
  yellow: 'gold',
  red: 'red',
  grey: 'default',
};

/** Time left: live for counting clocks; a paused clock keeps (and says) what it had left. */
function Remaining({ clock }: { clock: ClockView }) {
  const lang = useClockLang();
  const live = useLiveClock(clock);
  if (isTicking(clock.state)) return <ClockBadge clock={clock} testId="sla-clock-remaining" />;
  if (clock.state === 'paused' && clock.remainingMs !== null) {
    return (
      <span className="slc-muted slc-nowrap" data-testid="sla-clock-remaining">
        {clockText(
          { state: 'running', remainingMs: live?.remainingMs ?? null },
          clock.target.unit,
          lang,
        )}
      </span>
    );
  }
  return <span className="slc-muted">—</span>;
}

function Notes({ clock }: { clock: ClockView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const lines = [
    t('slaClocks.card.startedAt', { time: formatDateTime(clock.startedAt) }),
    clock.pausedSince &&
      t('slaClocks.card.pausedSince', { time: formatDateTime(clock.pausedSince) }),
    clock.metAt && t('slaClocks.card.metAt', { time: formatDateTime(clock.metAt) }),
    clock.breachedAt && t('slaClocks.card.breachedAt', { time: formatDateTime(clock.breachedAt) }),
  ].filter((line): line is string => Boolean(line));
  return (
    <div className="slc-clock-notes">
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span className="slc-fact">
      <span className="slc-fact-label">
        {label}
        {t('consoleComplaints.colon')}
      </span>
      {children}
    </span>
  );
}

export function SlaCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const local = useLocalText();
  const lang = useClockLang();
  const formatDateTime = useFormatDateTime();
  const clocks = complaint.slaClocks?.clocks ?? [];
  const assist = complaint.assistTeams ?? [];

  const columns: TableColumnsType<ClockView> = [
    {
      title: t('slaClocks.card.clock'),
      key: 'kind',
      width: 88,
      render: (_, clock) => (
        <Typography.Text strong className="slc-nowrap">
          {t(`slaClocks.kind.${clock.kind}`)}
        </Typography.Text>
      ),
    },
    {
      title: t('slaClocks.card.target'),
      key: 'target',
      width: 96,
      render: (_, clock) => <span className="slc-nowrap">{formatTarget(clock.target, lang)}</span>,
    },
    {
      title: t('slaClocks.card.state'),
      key: 'state',
      width: 88,
      render: (_, clock) => (
        <Tag
          color={STATE_COLOURS[clock.colour]}
          className="slc-badge"
          data-testid="sla-clock-state"
        >
          {t(`slaClocks.state.${clock.state}`)}
        </Tag>
      ),
    },
    {
      title: t('slaClocks.card.due'),
      key: 'due',
      width: 170,
      render: (_, clock) => (
        <>
          <div className="slc-nowrap">{clock.dueAt ? formatDateTime(clock.dueAt) : '—'}</div>
          <Notes clock={clock} />
        </>
      ),
    },
    {
      title: t('slaClocks.card.remaining'),
      key: 'remaining',
      render: (_, clock) => <Remaining clock={clock} />,
    },
  ];

  const calendar = clocks.find((clock) => clock.calendarCode)?.calendarCode;
  const calendarName = useCalendarName(calendar, can('sla.view'));
  return (
    <Card
      title={t('slaClocks.card.title')}
      extra={
        can('escalation.handle') ? (
          <AssistTeamButton
            number={complaint.number}
            exclude={[complaint.team, ...assist]}
            size="small"
          />
        ) : null
      }
      data-testid="sla-card"
    >
      <div className="slc-facts">
        {complaint.expressTier && (
          <Fact label={t('slaClocks.card.tier')}>
            <ExpressTierTag tier={complaint.expressTier} />
          </Fact>
        )}
        <Fact label={t('slaClocks.card.press')}>
          {complaint.press?.count ? (
            <PressTag press={complaint.press} />
          ) : (
            <span className="slc-muted">{t('slaClocks.press.none')}</span>
          )}
        </Fact>
        <Fact label={t('slaClocks.card.assist')}>
          <span className="slc-inline" data-testid="assist-teams">
            {assist.length ? (
              assist.map((team) => (
                <Tag key={team.code} color="geekblue" className="slc-badge">
                  {local(team.name)}
                </Tag>
              ))
            ) : (
              <span className="slc-muted">{t('slaClocks.card.assistNone')}</span>
            )}
          </span>
        </Fact>
      </div>
      <Table
        rowKey="kind"
        size="small"
        columns={columns}
        dataSource={clocks}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('slaClocks.card.none') }}
        data-testid="sla-clocks"
      />
      {calendar && (
        <div className="slc-clock-notes" style={{ marginTop: 8 }}>
          {t('slaClocks.card.calendar', {
            name: calendarName.data ? local(calendarName.data) : calendar,
          })}
          {' · '}
          {t('slaClocks.badge.working')}
        </div>
      )}
    </Card>
  );
}
