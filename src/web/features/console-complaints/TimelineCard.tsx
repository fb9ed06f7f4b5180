// 处理记录: the whole processing chain, newest first, with who did what, in which role, when,
// and the opinion they gave.
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
};

export function TimelineCard({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const title = useEventTitle();
  const newestFirst = [...events].sort((a, b) => b.seq - a.seq);

  const items: TimelineItemProps[] = newestFirst.map((event) => {
    const role = asRole(event.actor.role);
    return {
      key: event.seq,
      color: (event.action && ACTION_COLORS[event.action]) ?? COLORS[event.type] ?? 'blue',
      content: (
        <div data-testid="timeline-event" data-action={event.action ?? event.type}>
          <div className="cc-timeline-head">
            <Typography.Text strong>{title(event)}</Typography.Text>
            {event.toStatus && event.fromStatus !== event.toStatus && (
              <StatusTag status={event.toStatus} />
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
          {event.opinion && <div className="cc-opinion">{event.opinion}</div>}
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
