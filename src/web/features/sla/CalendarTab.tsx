// 工作日历: the business calendars with their working week, then the years the chosen one knows
// (each with the notice it was copied from) and the years it does not — a due time reaching such
// a year is refused, so the page says so before an agent meets the refusal on a complaint.
import { Alert, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSummary } from '../../../shared/sla';
import { ErrorResult } from '../../shared/ErrorResult';
import { useFormatDateTime, useLocalText } from '../../shared/text';
import { useCalendars } from './admin-api';
import { useSlaWords } from './admin-text';
import { CalendarYears } from './CalendarYears';

export function CalendarTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const words = useSlaWords();
  const formatDateTime = useFormatDateTime();
  const calendars = useCalendars();
  const [code, setCode] = useState<string | null>(null);

  const list = calendars.data ?? [];
  useEffect(() => {
    if (!code && list[0]) setCode(list[0].code);
  }, [code, list]);
  const chosen = list.find((c) => c.code === code) ?? null;

  const columns: TableColumnsType<CalendarSummary> = [
    {
      title: t('slaAdmin.calendars.calendar'),
      key: 'name',
      width: 260,
      render: (_, c) => (
        <div>
          <div className="sla-strong">{local(c.name)}</div>
          <Typography.Text type="secondary" className="sla-code">
            {c.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('slaAdmin.calendars.timeZone'),
      dataIndex: 'timeZone',
      key: 'timeZone',
      width: 150,
    },
    {
      title: t('slaAdmin.calendars.week'),
      key: 'week',
      render: (_, c) => (
        <div>
          {words.week(c.week).map((line) => (
            <div key={line} className="sla-nowrap">
              {line}
            </div>
          ))}
          {c.makeUpHours.length > 0 && (
            <Typography.Text type="secondary" className="sla-small">
              {t('slaAdmin.calendars.makeUpHours', { hours: words.intervals(c.makeUpHours) })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('slaAdmin.calendars.years'),
      key: 'years',
      width: 220,
      render: (_, c) =>
        c.years.length ? (
          <span className="sla-tags">
            {c.years.map((y) => (
              <Tag key={y.year} color="blue">
                {y.year}
              </Tag>
            ))}
          </span>
        ) : (
          <Tag color="error">{t('slaAdmin.calendars.noYears')}</Tag>
        ),
    },
    {
      title: t('slaAdmin.calendars.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
  ];

  if (calendars.isError && !calendars.data) {
    return <ErrorResult error={calendars.error} onRetry={() => void calendars.refetch()} />;
  }
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t('slaAdmin.calendars.intro')}
        style={{ marginBottom: 16 }}
      />
      <Table
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={list}
        loading={calendars.isPending}
        pagination={false}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: code ? [code] : [],
          onChange: (keys) => setCode(String(keys[0])),
          columnWidth: 40,
        }}
        onRow={(c) => ({ onClick: () => setCode(c.code), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('slaAdmin.calendars.empty') }}
        scroll={{ x: 900 }}
        data-testid="calendars-table"
      />
      {chosen && <CalendarYears key={chosen.code} summary={chosen} canManage={canManage} />}
    </>
  );
}
