// The full processing chain (全流程), as the complainant and staff both read it.
import { Timeline } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EXTERNAL_STATUS_LABELS, type ExternalStatus } from '../../../../shared/cases';
import type { LocalText, RemedyKind, TimelineEvent } from '../../../app/types';
import { STATUS_LABELS } from '../../../app/types';
import { useFormatDateTime, useLocalText } from '../../../shared/text';
import { useRemedyLabel } from './remedyLabel';
import { StatusTag } from './StatusTag';
import '../complaints.css';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

function localText(value: unknown): LocalText | null {
  if (typeof value === 'string' && value) return { zh: value, en: value };
  if (value && typeof value === 'object' && 'zh' in value) return value as LocalText;
  return null;
}

/** Event facts beyond the opinion, as one line each: remedy, platform and number, status. */
function useEventFacts(): (event: TimelineEvent) => string[] {
  const { t } = useTranslation();
  const local = useLocalText();
  const remedyLabel = useRemedyLabel();
  const p = 'portalComplaints.timeline.facts';
  return (event) => {
    const { data } = event;
    const lines: string[] = [];
    const kind = str(data.kind) as RemedyKind | null;
    if (kind && event.type.startsWith('remedy_')) {
      lines.push(remedyLabel({ kind, amount: str(data.amount) }));
    }
    const platform = localText(data.platformName);
    const externalNumber = str(data.externalNumber);
    if (platform && externalNumber) {
      lines.push(t(`${p}.external`, { platform: local(platform), number: externalNumber }));
    }
    const status = str(data.status) as ExternalStatus | null;
    if (event.type === 'external_update' && status && status in EXTERNAL_STATUS_LABELS) {
      lines.push(t(`${p}.externalStatus`, { status: local(EXTERNAL_STATUS_LABELS[status]) }));
    }
    const collective = str(data.collective);
    if (collective && (event.type === 'collective_joined' || event.type === 'collective_left')) {
      lines.push(t(`${p}.collective`, { number: collective }));
    }
    const presses = typeof data.count === 'number' ? data.count : null;
    if ((event.type as string) === 'pressed' && presses) {
      lines.push(t('slaClocks.timeline.pressedCount', { count: presses }));
    }
    if (event.type === 'call') {
      const minutes = typeof data.minutes === 'number' ? data.minutes : null;
      const inbound = data.direction !== 'outbound';
      lines.push(
        minutes && minutes > 0
          ? t(inbound ? `${p}.callInMinutes` : `${p}.callOutMinutes`, { count: minutes })
          : t(inbound ? `${p}.callIn` : `${p}.callOut`),
      );
    }
    return lines;
  };
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
      // The SLA events a complainant sees (催办) are named in the slaClocks words.
      return t(`${p}.${event.type}`, {
        defaultValue: t(`slaClocks.portal.timeline.${event.type}`, {
          defaultValue: t(`${p}.changed`),
        }),
      });
  }
}

function colourOf(event: TimelineEvent, latest: boolean): string {
  if (event.toStatus === 'rejected') return 'red';
  if (event.toStatus === 'resolved') return 'green';
  // Something for the complainant to answer.
  if (event.type === 'materials_requested' || event.type === 'remedy_proposed') return 'orange';
  if (event.type === 'remedy_accepted') return 'green';
  if (event.type === 'arbitration') return 'red';
  return latest ? 'blue' : 'gray';
}

function EventBody({ event, title }: { event: TimelineEvent; title: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const roleLabel =
    event.actor.kind === 'staff' && event.actor.role
      ? t(`role.${event.actor.role}`, { defaultValue: event.actor.role })
      : null;
  const facts = useEventFacts()(event);
  const items = stringList(event.data.items);
  // Replies, progress and reasons come as the opinion or in the event's own words.
  const text = event.opinion
    ? null
    : (str(event.data.text) ?? str(event.data.progress) ?? str(event.data.reason));
  const note = str(event.data.note);
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
      {facts.map((line) => (
        <div key={line} className="cx-event-fact">
          {line}
        </div>
      ))}
      {event.opinion && <div className="cx-event-opinion">{event.opinion}</div>}
      {text && <div className="cx-event-opinion">{text}</div>}
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
