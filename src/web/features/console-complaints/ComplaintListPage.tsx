// 投诉列表: every complaint, filtered by stage, category, tag, holder, flags or number; a row
// opens the case. Live: changes made elsewhere refresh the page.
import { PlusOutlined } from '@ant-design/icons';
import { App, Card, Checkbox, Input, Select, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { COMPLAINT_STATUSES, OPEN_STATUSES } from '../../app/types';
import { ErrorResult } from '../../shared/ErrorResult';
import { LinkButton } from '../../shared/LinkButton';
import { useLocalText } from '../../shared/text';
import { TagFilter } from '../casework/CaseTags';
import { useLive } from '../casework/live';
import { useCatalog } from '../catalog/api';
import { useComplaintList } from './api';
import { useListColumns } from './listColumns';
import { useStatusLabel } from './tags';
import { useListFilter } from './useListFilter';
import '../casework/casework.css';
import './console-complaints.css';

// A full, well-formed number is a lookup, not a search: open the complaint straight away.
const FULL_NUMBER = /^TS\d{8}-\d{6}-[\dX]$/i;
// What the API accepts as a partial number (letters, digits, dashes).
const NUMBER_PART = /^[A-Za-z0-9-]{1,30}$/;

export default function ComplaintListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const local = useLocalText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [filter, update] = useListFilter();
  const list = useComplaintList(filter);
  const catalog = useCatalog();
  const columns = useListColumns();
  const statusLabel = useStatusLabel();
  const live = useLive();
  const seenTags = [...new Set((list.data?.items ?? []).flatMap((row) => row.tags))];

  const statusOptions = COMPLAINT_STATUSES.map((value) => ({ value, label: statusLabel(value) }));
  const openSelected =
    filter.status.length === OPEN_STATUSES.length &&
    OPEN_STATUSES.every((s) => filter.status.includes(s));

  const onSearch = (raw: string) => {
    const value = raw.trim();
    if (FULL_NUMBER.test(value)) {
      void navigate(`/console/complaints/${value.toUpperCase()}`);
      return;
    }
    if (value && !NUMBER_PART.test(value)) {
      void message.warning(t('consoleComplaints.list.searchInvalid'));
      return;
    }
    update({ q: value || undefined });
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('consoleComplaints.list.title')}
        </Typography.Title>
      }
      extra={
        can('complaints.file') && (
          <LinkButton
            to="/console/complaints/new"
            type="primary"
            icon={<PlusOutlined />}
            data-testid="complaints-new"
          >
            {t('consoleComplaints.list.fileOnBehalf')}
          </LinkButton>
        )
      }
    >
      <div className="toolbar">
        <Input.Search
          allowClear
          defaultValue={filter.q}
          placeholder={t('consoleComplaints.list.searchPlaceholder')}
          style={{ width: 300, maxWidth: '100%' }}
          onSearch={onSearch}
          data-testid="complaints-search"
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('consoleComplaints.list.allStatuses')}
          style={{ width: 260 }}
          value={filter.status}
          onChange={(status) => update({ status })}
          options={statusOptions}
          data-testid="complaints-status-filter"
        />
        <Checkbox
          checked={openSelected}
          onChange={(e) => update({ status: e.target.checked ? [...OPEN_STATUSES] : [] })}
          data-testid="complaints-open-only"
        >
          {t('consoleComplaints.list.openOnly')}
        </Checkbox>
        <Select
          allowClear
          placeholder={t('consoleComplaints.list.allCategories')}
          style={{ width: 170 }}
          value={filter.category}
          loading={catalog.isPending}
          onChange={(category: string | undefined) => update({ category })}
          options={(catalog.data ?? []).map((c) => ({ value: c.code, label: local(c.name) }))}
          data-testid="complaints-category-filter"
        />
        <TagFilter
          value={filter.tag}
          onChange={(tag) => update({ tag })}
          known={seenTags}
          testId="complaints-tag-filter"
        />
        <Checkbox
          checked={filter.flagged}
          onChange={(e) => update({ flagged: e.target.checked })}
          data-testid="complaints-flagged"
        >
          {t('consoleComplaints.list.flaggedOnly')}
        </Checkbox>
        {can('complaints.work') && (
          <label className="cw-switch">
            <Switch
              size="small"
              checked={filter.mine}
              onChange={(mine) => update({ mine })}
              data-testid="complaints-mine"
            />
            {t('caseWork.list.mineOnly')}
          </label>
        )}
      </div>
      {list.isError && !list.data ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="number"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1100 }}
          rowClassName={(row) => (row.flags.length ? 'cc-row cc-row-flagged' : 'cc-row')}
          onRow={(row) => ({ onClick: () => void navigate(`/console/complaints/${row.number}`) })}
          locale={{ emptyText: t('consoleComplaints.list.empty') }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (page, pageSize) =>
              update(pageSize === filter.pageSize ? { page } : { page: 1, pageSize }),
          }}
          data-testid="complaints-table"
          data-live={live}
        />
      )}
    </Card>
  );
}
