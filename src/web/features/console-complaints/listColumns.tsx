// Columns of the complaint list, in the order an agent scans a queue: which case, how urgent,
// what about, where it stands, who and how it came in. Narrow two-line cells leave the
// description room at 1366 px without scrolling sideways.
import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ComplaintSummary } from '../../app/types';
import { PriorityTag } from '../../shared/PriorityTag';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { FlagTags, StatusTag, useChannelLabel } from './tags';

function Secondary({ children }: { children: string }) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {children}
    </Typography.Text>
  );
}

export function useListColumns(): TableColumnsType<ComplaintSummary> {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatDateTime = useFormatDateTime();
  const channelLabel = useChannelLabel();

  return [
    {
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
          {row.flags.length > 0 && (
            <div style={{ marginTop: 4 }}>
              <FlagTags flags={row.flags} />
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('consoleComplaints.field.priority'),
      dataIndex: 'priority',
      key: 'priority',
      width: 96,
      render: (priority: ComplaintSummary['priority']) => <PriorityTag priority={priority} />,
    },
    {
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
    {
      title: t('consoleComplaints.field.description'),
      dataIndex: 'description',
      key: 'description',
      ellipsis: { showTitle: true },
    },
    {
      title: t('consoleComplaints.field.status'),
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (status: ComplaintSummary['status']) => <StatusTag status={status} />,
    },
    {
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
    {
      title: t('consoleComplaints.field.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      render: (value: string) => formatDateTime(value),
    },
  ];
}
