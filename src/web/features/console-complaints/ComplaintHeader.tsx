// The case header: number, stage, urgency, the SLA clock, 催办 and flags at a glance, with the
// actions beside them.
import { Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, type ComplaintDetail } from '../../app/types';
import { PriorityTag } from '../../shared/PriorityTag';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { AssignmentBar } from '../casework/AssignmentBar';
import { TagEditor } from '../casework/TagEditor';
import type { Refresh } from '../casework/WorkPanel';
import { ClockBadge } from '../sla/ClockBadge';
import { ExpressTierTag } from '../sla/ExpressTierTag';
import { PressTag } from '../sla/PressTag';
import { ActionBar } from './ActionBar';
import { FlagTags, StatusTag, useChannelLabel } from './tags';

function Meta({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span>
      {label}
      {t('consoleComplaints.colon')}
      <b>{children}</b>
    </span>
  );
}

export function ComplaintHeader({
  complaint,
  refresh,
  liveNote,
}: {
  complaint: ComplaintDetail;
  refresh: Refresh;
  /** The "someone else just changed this" note, beside the title. */
  liveNote?: ReactNode;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const channelLabel = useChannelLabel();
  // A due time only means something while the case is still being worked.
  const estimate = OPEN_STATUSES.includes(complaint.status) ? complaint.estimatedCompletion : null;
  const assist = complaint.assistTeams ?? [];

  return (
    <div className="cc-head" data-testid="complaint-header">
      <div className="cc-head-main">
        <div className="cc-head-title">
          <Typography.Title
            level={4}
            className="cc-number"
            copyable={{ text: complaint.number }}
            data-testid="complaint-number"
          >
            {complaint.number}
          </Typography.Title>
          <StatusTag status={complaint.status} />
          <PriorityTag priority={complaint.priority} />
          <ClockBadge clock={complaint.slaClocks?.headline ?? complaint.sla} withKind />
          <ExpressTierTag tier={complaint.expressTier} />
          <PressTag press={complaint.press} />
          <FlagTags flags={complaint.flags} />
          {complaint.repeatCount > 0 && (
            <Tooltip title={t('consoleComplaints.header.repeatHelp')}>
              <Tag color="volcano" data-testid="repeat-count">
                {t('consoleComplaints.header.repeat', { count: complaint.repeatCount })}
              </Tag>
            </Tooltip>
          )}
          <TagEditor complaint={complaint} refresh={refresh} />
          {liveNote}
        </div>
        <div className="cc-head-meta">
          <Meta label={t('consoleComplaints.field.type')}>
            {local(complaint.categoryName)} / {local(complaint.typeName)}
          </Meta>
          <Meta label={t('consoleComplaints.field.channel')}>
            {channelLabel(complaint.channel)}
          </Meta>
          <Meta label={t('consoleComplaints.field.complainant')}>
            {complaint.complainantName ?? '—'}
          </Meta>
          <Meta label={t('consoleComplaints.field.createdAt')}>
            {formatDateTime(complaint.createdAt)}
          </Meta>
          {estimate && (
            <Meta label={t('consoleComplaints.header.estimate')}>
              {formatDateTime(estimate.at)}
            </Meta>
          )}
          {assist.length > 0 && (
            <Meta label={t('slaClocks.card.assist')}>
              <span data-testid="header-assist-teams">
                {assist.map((team) => local(team.name)).join(t('slaClocks.card.teamSeparator'))}
              </span>
            </Meta>
          )}
        </div>
        <AssignmentBar complaint={complaint} refresh={refresh} />
      </div>
      <ActionBar complaint={complaint} refresh={refresh} />
    </div>
  );
}
