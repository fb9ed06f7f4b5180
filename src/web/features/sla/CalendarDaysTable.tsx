// A year's special days as a list: date, weekday, 放假 or 调休上班, and the holiday's name.
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../../shared/sla';
import { weekdayIndex } from './admin-format';

export function CalendarDaysTable({ days }: { days: CalendarDay[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CalendarDay> = [
    { title: t('slaAdmin.days.date'), dataIndex: 'date', key: 'date', width: 130 },
    {
      title: t('slaAdmin.days.weekday'),
      key: 'weekday',
      width: 90,
      render: (_, d) => t(`slaAdmin.weekday.${weekdayIndex(d.date)}`),
    },
    {
      title: t('slaAdmin.days.kind'),
      key: 'kind',
      width: 120,
      render: (_, d) => (
        <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(`slaAdmin.kind.${d.kind}`)}</Tag>
      ),
    },
    { title: t('slaAdmin.days.name'), dataIndex: 'name', key: 'name' },
  ];
  return (
    <Table
      rowKey="date"
      size="small"
      columns={columns}
      dataSource={days}
      pagination={false}
      scroll={{ y: 480 }}
      locale={{ emptyText: t('slaAdmin.days.empty') }}
      data-testid="days-table"
    />
  );
}
