// 处理记录: the whole processing chain, newest first, with who did what, in which role, when,
// and the opinion they gave.
import { LockOutlined } from '@ant-design/icons';
import { Card, Tag, Timeline, Typography } from 'antd';
import type { TimelineItemProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../app/types';
import { RoleTag } from '../../shared/RoleTag';
import { useFormatDateTime } from '../../shared/text';
import { StatusTag } from './tags';
import { TimelineEventData } from './TimelineEventData';
import { asRole, useEventTitle } from './timelineLabels';

// Outcomes stand out from routine moves: results green, refusals red, the appeal track purple.
const ACTION_COLORS: Partial<Record<NonNullable<TimelineEvent['action']>, string>> = {
  resolve: 'green',
  reject: 'red',
  appeal: '#722ed1',
  start_reconsideration: '#722ed1',
  close: 'gray',
};

const COLORS: Partial<Record<TimelineEvent['type'], string>> = {
  filed: 'blue',
  materials_requested: 'orange',
  materials_supplied: 'green',
  evidence_added: 'cyan',
  repeat_filing: 'volcano',
  flagged: 'red',
  rated: 'gold',
  note: 'gold',
  reply: 'blue',
  escalated: 'magenta',
  tags_changed: 'gray',
  pii_revealed: 'gray',
  assigned: 'cyan',
  reassigned: 'cyan',
};

// SLA events: the complainant's 催办 stands out; warnings orange, breaches and escalations red.
const SLA_COLORS: Record<string, string> = {
  pressed: '#fa541c',
  supervisors_alerted: '#eb2f96',
  sla_warning: '#fa8c16',
  sla_breached: 'red',
  express_tier: 'red',
  regulator_copied: 'red',
  assist_team_added: '#2f54eb',
};

/** Entries only staff see; notes above all must never be mistaken for replies. */
const INTERNAL: readonly string[] = [
  'note',
  'pii_revealed',
  'supervisors_alerted',
  'sla_warning',
  'sla_breached',
  'express_tier',
  'regulator_copied',
  'assist_team_added',
];

export function TimelineCard({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const title = useEventTitle();
  const newestFirst = [...events].sort((a, b) => b.seq - a.seq);

  const items: TimelineItemProps[] = newestFirst.map((event) => {
    const role = asRole(event.actor.role);
    const note = event.type === 'note';
    const internal = INTERNAL.includes(event.type) || event.data.internal === true;
    return {
      key: event.seq,
      color:
        (event.action && ACTION_COLORS[event.action]) ??
        COLORS[event.type] ??
        SLA_COLORS[event.type] ??
        'blue',
      content: (
        <div
          data-testid="timeline-event"
          data-action={event.action ?? event.type}
          data-internal={internal ? 'true' : undefined}
          className={note ? 'cc-timeline-note' : undefined}
        >
          <div className="cc-timeline-head">
            <Typography.Text strong>{title(event)}</Typography.Text>
            {event.toStatus && event.fromStatus !== event.toStatus && (
              <StatusTag status={event.toStatus} />
            )}
            {internal && (
              <Tag color="gold" icon={<LockOutlined />} data-testid="internal-tag">
                {t('consoleComplaints.timeline.internal')}
              </Tag>
            )}
            {event.type === 'reply' && (
              <Tag color="blue" data-testid="reply-tag">
                {t('consoleComplaints.timeline.toComplainant')}
              </Tag>
            )}
          </div>
          <div className="cc-timeline-meta">
            {event.actor.name}
            {role && (
              <span style={{ marginInlineStart: 6 }}>
                <RoleTag role={role} />
              </span>
            )}
            <span style={{ marginInlineStart: 8 }}>{formatDateTime(event.at)}</span>
          </div>
          {event.opinion && (
            <div className={note ? 'cc-note-text' : 'cc-opinion'}>{event.opinion}</div>
          )}
          <TimelineEventData event={event} />
        </div>
      ),
    };
  });

  return (
    <Card
      title={t('consoleComplaints.timeline.title')}
      extra={<Tag variant="filled">{t('consoleComplaints.timeline.newestFirst')}</Tag>}
      data-testid="timeline-card"
    >
      <Timeline items={items} />
    </Card>
  );
}
