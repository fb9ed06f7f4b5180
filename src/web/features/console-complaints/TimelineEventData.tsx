// The facts an event carries (data), shown as the agent needs them: the items asked for, the
// files added, the note or comment given, the flags raised.
import { Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Channel, LocalText, TimelineEvent } from '../../app/types';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { useTeams } from '../casework/api';
import { CaseTags } from '../casework/CaseTags';
import { FlagTags, useChannelLabel } from './tags';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

function isLocal(value: unknown): value is LocalText {
  return typeof value === 'object' && value !== null && 'zh' in value;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Team names by code, from the teams list the console already loads. */
function useTeamName(): (code: unknown) => string | null {
  const local = useLocalText();
  const teams = useTeams();
  return (code) => {
    if (isLocal(code)) return local(code);
    if (typeof code !== 'string' || !code) return null;
    const team = teams.data?.find((x) => x.code === code);
    return team ? local(team.name) : code;
  };
}

/**
 * Where the case went (assigned, reassigned, released, escalated): team → person, or the team's
 * queue when nobody was named.
 */
function Assignment({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const teamName = useTeamName();
  const to = record(data.to) ?? data;
  const team = teamName(to.team ?? data.toTeam);
  const person = text(to.assigneeName);
  if (!team && !person) return null;
  return (
    <div className="cc-timeline-meta" data-testid="timeline-assignment">
      {team && t('consoleComplaints.timeline.toTeam', { team })}
      {team && ' · '}
      {person
        ? t('consoleComplaints.timeline.toPerson', { person })
        : t('consoleComplaints.timeline.toQueue')}
    </div>
  );
}

/** The facts of the SLA events: which press, which clock and its due time, rule, tier, team. */
function SlaFacts({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const teamName = useTeamName();
  const { data } = event;
  const type: string = event.type;
  const lines: string[] = [];
  const count = typeof data.count === 'number' ? data.count : null;
  if (type === 'pressed' && count) lines.push(t('slaClocks.timeline.pressedCount', { count }));
  const clock = text(data.clock);
  if ((type === 'sla_warning' || type === 'sla_breached') && clock) {
    lines.push(
      t('slaClocks.timeline.clockDue', {
        clock: t(`slaClocks.kind.${clock}`, { defaultValue: clock }),
        time: formatDateTime(text(data.dueAt)),
      }),
    );
  }
  // A rule's name in the reader's language (an escalation's reason repeats it in Chinese only).
  const rule = isLocal(data.ruleName)
    ? local(data.ruleName)
    : (text(data.ruleName) ?? text(data.rule));
  if (rule) {
    lines.push(t('slaClocks.timeline.rule', { rule }));
  }
  const tier = typeof data.tier === 'number' ? data.tier : null;
  if (type === 'express_tier' && tier) {
    lines.push(t('slaClocks.timeline.tier', { tier: t(`slaClocks.tier.${tier}`) }));
  }
  if (type === 'assist_team_added') {
    const team = isLocal(data.name) ? local(data.name) : (text(data.name) ?? teamName(data.team));
    if (team) lines.push(t('slaClocks.timeline.team', { team }));
  }
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map((line) => (
        <div key={line} className="cc-timeline-meta" data-testid="timeline-sla-fact">
          {line}
        </div>
      ))}
    </>
  );
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
  const note =
    text(data.note) ??
    text(data.comment) ??
    text(data.description) ??
    (event.opinion || isLocal(data.ruleName) ? null : (text(data.text) ?? text(data.reason)));
  const added = strings(data.added);
  const removed = strings(data.removed);
  const tags = added.length || removed.length ? [] : strings(data.tags);
  const field = event.type === 'pii_revealed' ? text(data.field) : null;
  const assignment = ['assigned', 'reassigned', 'escalated'].includes(event.type);

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
      {assignment && <Assignment data={data} />}
      <SlaFacts event={event} />
      {(added.length > 0 || removed.length > 0 || tags.length > 0) && (
        <div className="cc-timeline-meta" style={{ marginTop: 4 }}>
          {added.length > 0 && (
            <span style={{ marginInlineEnd: 8 }}>
              {t('consoleComplaints.timeline.tagsAdded')} <CaseTags tags={added} />
            </span>
          )}
          {removed.length > 0 && (
            <span style={{ marginInlineEnd: 8 }}>
              {t('consoleComplaints.timeline.tagsRemoved')} <CaseTags tags={removed} />
            </span>
          )}
          {tags.length > 0 && <CaseTags tags={tags} />}
        </div>
      )}
      {field && (
        <div className="cc-timeline-meta">
          {t('consoleComplaints.timeline.revealed', {
            field: t(`caseWork.reveal.field.${field}`, {
              defaultValue: field.startsWith('fields.') ? field.slice(7) : field,
            }),
          })}
        </div>
      )}
      {note && <div className={event.type === 'note' ? 'cc-note-text' : 'cc-opinion'}>{note}</div>}
    </>
  );
}
