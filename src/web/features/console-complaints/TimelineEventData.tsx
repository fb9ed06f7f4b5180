// The facts an event carries (data), shown as the agent needs them: the items asked for, the
// files added, the note or comment given, the flags raised.
import { Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Channel, TimelineEvent } from '../../app/types';
import { FlagTags, useChannelLabel } from './tags';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

export function TimelineEventData({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const channelLabel = useChannelLabel();
  const { data } = event;
  const items = strings(data.items);
  const names = strings(data.names);
  const flags = strings(data.flags);
  const files = typeof data.files === 'number' ? data.files : null;
  const newEvidence = typeof data.newEvidence === 'number' ? data.newEvidence : null;
  const score = typeof data.score === 'number' ? data.score : null;
  const channel =
    event.type === 'filed' || event.type === 'repeat_filing' ? text(data.channel) : null;
  const note = text(data.note) ?? text(data.comment) ?? text(data.description);

  return (
    <>
      {channel && (
        <div className="cc-timeline-meta">
          {t('consoleComplaints.timeline.via', { channel: channelLabel(channel as Channel) })}
        </div>
      )}
      {flags.length > 0 && (
        <div style={{ marginTop: 4 }}>
          <FlagTags flags={flags} />
        </div>
      )}
      {items.length > 0 && (
        <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      )}
      {files !== null && files > 0 && (
        <div className="cc-timeline-meta">
          {t('consoleComplaints.timeline.files', { count: files })}
          {names.length > 0 && `${t('consoleComplaints.colon')}${names.join('、')}`}
        </div>
      )}
      {newEvidence !== null && newEvidence > 0 && (
        <div className="cc-timeline-meta">
          {t('consoleComplaints.timeline.newEvidence', { count: newEvidence })}
        </div>
      )}
      {score !== null && <Rate disabled value={score} style={{ fontSize: 12 }} />}
      {note && <div className="cc-opinion">{note}</div>}
    </>
  );
}
