// The full processing chain (全流程), as the complainant and staff both read it.
import { Timeline } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../app/types';
import { STATUS_LABELS } from '../../../app/types';
import { useFormatDateTime, useLocalText } from '../../../shared/text';
import { StatusTag } from './StatusTag';
import '../complaints.css';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function eventTitle(event: TimelineEvent, t: TFunction, local: ReturnType<typeof useLocalText>) {
  const p = 'portalComplaints.timeline';
  switch (event.type) {
    case 'transition':
      if (event.action) return t(`${p}.action.${event.action}`);
      return event.toStatus ? local(STATUS_LABELS[event.toStatus]) : t(`${p}.changed`);
    case 'evidence_added': {
      const files = typeof event.data.files === 'number' ? event.data.files : 1;
      return t(`${p}.evidence_added`, { count: files });
    }
    case 'rated': {
      const score = typeof event.data.score === 'number' ? event.data.score : 0;
      return t(`${p}.rated`, { score });
    }
    default:
      return t(`${p}.${event.type}`);
  }
}

function colourOf(event: TimelineEvent, latest: boolean): string {
  if (event.toStatus === 'rejected') return 'red';
  if (event.toStatus === 'resolved') return 'green';
  if (event.type === 'materials_requested') return 'orange';
  return latest ? 'blue' : 'gray';
}

function EventBody({ event, title }: { event: TimelineEvent; title: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const roleLabel =
    event.actor.kind === 'staff' && event.actor.role
      ? t(`role.${event.actor.role}`, { defaultValue: event.actor.role })
      : null;
  const items = stringList(event.data.items);
  const note = typeof event.data.note === 'string' && event.data.note ? event.data.note : null;
  return (
    <div className="cx-event">
      <div className="cx-event-title">{title}</div>
      <div className="cx-event-meta">
        <span>{formatTime(event.at)}</span>
        <span>
          {event.actor.name}
          {roleLabel && roleLabel !== event.actor.name && ` · ${roleLabel}`}
        </span>
        {event.toStatus && event.toStatus !== event.fromStatus && (
          <StatusTag status={event.toStatus} />
        )}
      </div>
      {event.opinion && <div className="cx-event-opinion">{event.opinion}</div>}
      {items.length > 0 && (
        <ul className="cx-event-items">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      {note && <div className="cx-event-note">{note}</div>}
    </div>
  );
}

interface Props {
  events: readonly TimelineEvent[];
  /** Newest first (default) puts what is happening now at the top of a phone screen. */
  order?: 'newest' | 'oldest';
}

export function ComplaintTimeline({ events, order = 'newest' }: Props) {
  const { t } = useTranslation();
  const local = useLocalText();
  const sorted = [...events].sort((a, b) => (order === 'newest' ? b.seq - a.seq : a.seq - b.seq));
  const latestSeq = Math.max(...events.map((e) => e.seq));
  return (
    <Timeline
      className="cx-timeline"
      data-testid="complaint-timeline"
      items={sorted.map((event) => ({
        key: event.seq,
        color: colourOf(event, event.seq === latestSeq),
        // Everything goes in `content`: an item `title` switches antd's Timeline to the
        // two-column alternate layout, far too wide for a phone.
        content: <EventBody event={event} title={eventTitle(event, t, local)} />,
      }))}
    />
  );
}
