// The years of one calendar: those it knows (source, counts) and the nearby ones it does not,
// flagged; the chosen year's days below as a month grid or a list. Admins edit or import here.
import { EditOutlined, ImportOutlined, PlusOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSummary, CalendarYear } from '../../../shared/sla';
import { QueryState } from '../../shared/QueryState';
import { useLocalText } from '../../shared/text';
import { useCalendar } from './admin-api';
import { CalendarDaysTable } from './CalendarDaysTable';
import { CalendarImportModal } from './CalendarImportModal';
import { CalendarYearDrawer } from './CalendarYearDrawer';
import { CalendarYearGrid } from './CalendarYearGrid';

interface YearRow {
  year: number;
  known: boolean;
  source: string;
  holidays: number;
  workdays: number;
}

/** Known years, plus the gaps and the years around today a clock may reach soon. */
function yearRows(summary: CalendarSummary, thisYear: number): YearRow[] {
  const known = new Map(summary.years.map((y) => [y.year, y]));
  const all = [...known.keys(), thisYear, thisYear + 1];
  const rows: YearRow[] = [];
  for (let year = Math.min(...all); year <= Math.max(...all); year++) {
    const y = known.get(year);
    rows.push(
      y ? { ...y, known: true } : { year, known: false, source: '', holidays: 0, workdays: 0 },
    );
  }
  return rows;
}

export function CalendarYears({
  summary,
  canManage,
}: {
  summary: CalendarSummary;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const thisYear = new Date().getFullYear();
  const rows = yearRows(summary, thisYear);
  const [year, setYear] = useState<number>(() =>
    rows.some((r) => r.known && r.year === thisYear)
      ? thisYear
      : (rows.filter((r) => r.known).pop()?.year ?? thisYear),
  );
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const [editing, setEditing] = useState<CalendarYear | null>(null);
  const [importing, setImporting] = useState(false);
  const calendar = useCalendar(summary.code);
  const row = rows.find((r) => r.year === year);
  const missing = rows.filter((r) => !r.known).map((r) => r.year);

  const edit = (y: number) => {
    const data = calendar.data?.years.find((x) => x.year === y);
    setEditing(data ?? { year: y, source: '', days: [] });
  };

  const columns: TableColumnsType<YearRow> = [
    {
      title: t('slaAdmin.calendars.year'),
      dataIndex: 'year',
      key: 'year',
      width: 90,
      render: (value: number) => <span className="sla-strong">{value}</span>,
    },
    {
      title: t('slaAdmin.calendars.source'),
      key: 'source',
      render: (_, r) =>
        r.known ? (
          r.source
        ) : (
          <Typography.Text type="warning" data-testid={`year-missing-${r.year}`}>
            <WarningFilled /> {t('slaAdmin.calendars.yearMissing', { year: r.year })}
          </Typography.Text>
        ),
    },
    {
      title: t('slaAdmin.calendars.holidays'),
      key: 'holidays',
      width: 110,
      align: 'right',
      render: (_, r) => (r.known ? t('slaAdmin.calendars.dayCount', { count: r.holidays }) : '—'),
    },
    {
      title: t('slaAdmin.calendars.workdays'),
      key: 'workdays',
      width: 120,
      align: 'right',
      render: (_, r) => (r.known ? t('slaAdmin.calendars.dayCount', { count: r.workdays }) : '—'),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          icon={r.known ? <EditOutlined /> : <PlusOutlined />}
          disabled={calendar.isPending}
          onClick={(event) => {
            event.stopPropagation();
            edit(r.year);
          }}
          data-testid={`year-edit-${r.year}`}
        >
          {r.known ? t('slaAdmin.edit') : t('slaAdmin.calendars.enterYear')}
        </Button>
      ),
    });
  }

  return (
    <div className="sla-section" data-testid={`calendar-${summary.code}`}>
      <div className="sla-section-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('slaAdmin.calendars.yearsOf', { name: local(summary.name) })}
        </Typography.Title>
        {canManage && (
          <Button
            icon={<ImportOutlined />}
            onClick={() => setImporting(true)}
            data-testid="calendar-import"
          >
            {t('slaAdmin.import.open')}
          </Button>
        )}
      </div>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('slaAdmin.calendars.missingAlert', { years: missing.join('、') })}
          description={canManage ? t('slaAdmin.calendars.missingHintAdmin') : undefined}
          style={{ marginBottom: 12 }}
          data-testid="years-missing-alert"
        />
      )}
      <Table
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) =>
          [r.year === year ? 'sla-row-selected' : '', r.known ? '' : 'sla-row-missing'].join(' ')
        }
        onRow={(r) => ({ onClick: () => setYear(r.year), style: { cursor: 'pointer' } })}
        scroll={{ x: 640 }}
        data-testid="years-table"
      />

      <div className="sla-section-head" style={{ marginTop: 20 }}>
        <Space size={12} wrap>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="year-title">
            {t('slaAdmin.calendars.yearDays', { year })}
          </Typography.Title>
          {row?.known && (
            <Space size={4}>
              <Tag color="red">
                {t('slaAdmin.calendars.holidaysCount', { count: row.holidays })}
              </Tag>
              <Tag color="blue">
                {t('slaAdmin.calendars.workdaysCount', { count: row.workdays })}
              </Tag>
            </Space>
          )}
        </Space>
        {row?.known && (
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'grid' | 'list')}
            options={[
              { value: 'grid', label: t('slaAdmin.calendars.viewGrid') },
              {
                value: 'list',
                label: <span data-testid="view-list">{t('slaAdmin.calendars.viewList')}</span>,
              },
            ]}
          />
        )}
      </div>
      {row && !row.known ? (
        <Alert
          type="warning"
          showIcon
          title={t('slaAdmin.calendars.yearMissing', { year })}
          description={t('slaAdmin.calendars.yearMissingText')}
          action={
            canManage && (
              <Button size="small" type="primary" onClick={() => edit(year)}>
                {t('slaAdmin.calendars.enterYear')}
              </Button>
            )
          }
        />
      ) : (
        <QueryState query={calendar} rows={6}>
          {(cal) => {
            const data = cal.years.find((y) => y.year === year);
            if (!data) return null;
            return view === 'grid' ? (
              <CalendarYearGrid calendar={cal} year={data} />
            ) : (
              <CalendarDaysTable days={data.days} />
            );
          }}
        </QueryState>
      )}

      {canManage && (
        <>
          <CalendarYearDrawer
            code={summary.code}
            year={editing}
            onClose={() => setEditing(null)}
            onSaved={(y) => setYear(y)}
          />
          <CalendarImportModal
            code={summary.code}
            open={importing}
            onClose={() => setImporting(false)}
            onImported={(years) => years[0] !== undefined && setYear(years[0])}
          />
        </>
      )}
    </div>
  );
}
