// Columns of the complaint lists (投诉处理 and 我的工作台), in the order an agent scans a queue:
// which case and how urgent, what about, its tags, where it stands and who holds it, how much
// time is left (the SLA clock), who and how it came in. Narrow two-line cells leave the
// description room at 1366 px.
import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import type { ComplaintSummary } from '../../app/types';
import { PriorityTag } from '../../shared/PriorityTag';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { CaseTags } from '../casework/CaseTags';
import { ClockBadge } from '../sla/ClockBadge';
import { ExpressTierTag } from '../sla/ExpressTierTag';
import { FlagTags, StatusTag, useChannelLabel } from './tags';

function Secondary({ children, testId }: { children: string; testId?: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={testId}>
      {children}
    </Typography.Text>
  );
}

export type ListColumn =
  | 'number'
  | 'type'
  | 'description'
  | 'tags'
  | 'status'
  | 'holder'
  | 'sla'
  | 'complainant'
  | 'createdAt';

export const ALL_COLUMNS: readonly ListColumn[] = [
  'number',
  'type',
  'description',
  'tags',
  'status',
  'sla',
  'complainant',
  'createdAt',
];

export function useListColumns(
  shown: readonly ListColumn[] = ALL_COLUMNS,
): TableColumnsType<ComplaintSummary> {
  const { t } = useTranslation();
  const { session } = useAuth();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const channelLabel = useChannelLabel();
  const me = session?.user.id;

  const holder = (row: ComplaintSummary) =>
    row.assignee
      ? row.assignee.id === me
        ? t('caseWork.assign.meName', { name: row.assignee.name })
        : row.assignee.name
      : t('caseWork.assign.waiting');

  const columns: Record<ListColumn, TableColumnsType<ComplaintSummary>[number]> = {
    number: {
      title: t('consoleComplaints.field.number'),
      dataIndex: 'number',
      key: 'number',
      width: 190,
      render: (number: string, row) => (
        <div>
          {/* A real link, so a case can open in a new tab; the row click covers the rest. */}
          <Link
            to={`/console/complaints/${number}`}
            className="cc-number"
            onClick={(event) => event.stopPropagation()}
          >
            {number}
          </Link>
          <div className="cc-row-badges">
            <PriorityTag priority={row.priority} />
            <ExpressTierTag tier={row.expressTier} />
            <FlagTags flags={row.flags} />
          </div>
        </div>
      ),
    },
    type: {
      title: t('consoleComplaints.field.type'),
      key: 'type',
      width: 130,
      render: (_, row) => (
        <div>
          <div>{local(row.typeName)}</div>
          <Secondary>{local(row.categoryName)}</Secondary>
        </div>
      ),
    },
    description: {
      title: t('consoleComplaints.field.description'),
      dataIndex: 'description',
      key: 'description',
      ellipsis: { showTitle: true },
    },
    tags: {
      title: t('caseWork.tags.column'),
      dataIndex: 'tags',
      key: 'tags',
      width: 120,
      render: (tags: string[]) => <CaseTags tags={tags} empty />,
    },
    status: {
      title: t('caseWork.list.statusHolder'),
      dataIndex: 'status',
      key: 'status',
      width: 160,
      render: (status: ComplaintSummary['status'], row) => (
        <div>
          <StatusTag status={status} />
          <div className="cc-row-holder" data-testid="row-holder">
            <Secondary>
              {row.team ? `${local(row.team.name)} · ${holder(row)}` : holder(row)}
            </Secondary>
          </div>
        </div>
      ),
    },
    holder: {
      title: t('caseWork.list.holder'),
      key: 'holder',
      width: 130,
      render: (_, row) => (
        <div data-testid="row-holder">
          <div>{holder(row)}</div>
          {row.team && <Secondary>{local(row.team.name)}</Secondary>}
        </div>
      ),
    },
    sla: {
      title: t('slaClocks.card.title'),
      key: 'sla',
      width: 124,
      render: (_, row) => (
        <div data-testid="row-sla">
          <ClockBadge clock={row.sla} empty compact />
        </div>
      ),
    },
    complainant: {
      title: t('consoleComplaints.field.complainantChannel'),
      key: 'complainant',
      width: 110,
      render: (_, row) => (
        <div>
          <div>{row.complainantName ?? '—'}</div>
          <Secondary>{channelLabel(row.channel)}</Secondary>
        </div>
      ),
    },
    createdAt: {
      title: t('consoleComplaints.field.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 104,
      render: (value: string) => formatDateTime(value),
    },
  };
  return shown.map((key) => columns[key]);
}
