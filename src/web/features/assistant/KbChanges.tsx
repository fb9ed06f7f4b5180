// 变更记录: the latest changes across the knowledge base, and how many in the last month.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState';
import { useFormatDateTime } from '../../shared/text';
import { useKbChanges, type KbChange } from './api';
import { ACTION_COLOUR } from './KbHistory';

export function KbChanges() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const changes = useKbChanges();
  const p = 'assistant.kb';
  return (
    <QueryState query={changes}>
      {(data) => (
        <div data-testid="kb-changes">
          <Typography.Paragraph type="secondary">
            {t(`${p}.changes.lastMonth`, { count: data.lastMonth })}
          </Typography.Paragraph>
          <Table<KbChange>
            rowKey={(row, i) => `${row.entryId}-${row.at}-${i ?? 0}`}
            size="small"
            dataSource={data.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: t(`${p}.changes.at`),
                dataIndex: 'at',
                width: 160,
                render: (at: string) => <span className="kb-nowrap">{formatDateTime(at)}</span>,
              },
              {
                title: t(`${p}.changes.action`),
                dataIndex: 'action',
                width: 90,
                render: (a: KbChange['action']) => (
                  <Tag color={ACTION_COLOUR[a]}>{t(`${p}.action.${a}`)}</Tag>
                ),
              },
              {
                title: t(`${p}.field.id`),
                dataIndex: 'entryId',
                width: 150,
                render: (id: string) => <span className="kb-id">{id}</span>,
              },
              { title: t(`${p}.field.question`), dataIndex: 'question' },
              {
                title: t(`${p}.changes.by`),
                dataIndex: 'by',
                width: 120,
                render: (by: string | null) => by ?? t(`${p}.history.system`),
              },
            ]}
          />
        </div>
      )}
    </QueryState>
  );
}
