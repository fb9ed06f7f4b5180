// /complaints — 我的投诉: the person's complaints, newest first, with filters kept in the URL so
// the back button returns to the same view.
import { EditOutlined } from '@ant-design/icons';
import { Empty, Pagination, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { HISTORY_DEFAULT_DAYS } from '../../../app/types';
import { LinkButton } from '../../../shared/LinkButton';
import { QueryState } from '../../../shared/QueryState';
import { PAGE_SIZE, useMyComplaints } from '../api';
import { RequireComplainant } from '../RequireComplainant';
import { ComplaintCard } from './ComplaintCard';
import { DAY_CHOICES, ListFilters, type FilterValues } from './ListFilters';
import '../complaints.css';

function readFilters(params: URLSearchParams): FilterValues & { page: number } {
  const days = Number(params.get('days'));
  const page = Number(params.get('page'));
  return {
    category: params.get('category') ?? '',
    status: params.get('status') ?? '',
    days: (DAY_CHOICES as readonly number[]).includes(days) ? days : HISTORY_DEFAULT_DAYS,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function FileButton() {
  const { t } = useTranslation();
  return (
    <LinkButton to="/file" type="primary" icon={<EditOutlined />} data-testid="list-file">
      {t('portalComplaints.list.file')}
    </LinkButton>
  );
}

function List() {
  const { t } = useTranslation();
  const p = 'portalComplaints.list';
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = useMyComplaints({
    category: filters.category || undefined,
    status: filters.status || undefined,
    days: filters.days,
    page: filters.page,
  });

  const update = (next: Partial<FilterValues & { page: number }>) => {
    const merged = { ...filters, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.category) search.set('category', merged.category);
    if (merged.status) search.set('status', merged.status);
    if (merged.days !== HISTORY_DEFAULT_DAYS) search.set('days', String(merged.days));
    if (merged.page > 1) search.set('page', String(merged.page));
    setParams(search, { replace: true });
  };

  const filtered = Boolean(filters.category || filters.status);
  return (
    <div>
      <div className="cx-page-head">
        <Typography.Title level={3} className="page-title">
          {t(`${p}.title`)}
        </Typography.Title>
        <FileButton />
      </div>
      <ListFilters value={filters} onChange={update} />
      <QueryState query={query} rows={6}>
        {(list) =>
          list.items.length === 0 ? (
            <Empty
              className="cx-empty"
              data-testid="list-empty"
              description={t(filtered ? `${p}.emptyFiltered` : `${p}.empty`, {
                days: filters.days,
              })}
            >
              {!filtered && <FileButton />}
            </Empty>
          ) : (
            <>
              <div className="cx-muted cx-list-count">
                {t(`${p}.count`, { count: list.total, days: filters.days })}
              </div>
              <div className="cx-list" data-testid="complaint-list">
                {list.items.map((item) => (
                  <ComplaintCard key={item.number} complaint={item} />
                ))}
              </div>
              {list.total > PAGE_SIZE && (
                <Pagination
                  simple
                  align="center"
                  current={filters.page}
                  pageSize={PAGE_SIZE}
                  total={list.total}
                  onChange={(page) => update({ page })}
                  style={{ marginTop: 16 }}
                />
              )}
            </>
          )
        }
      </QueryState>
    </div>
  );
}

export default function MyComplaintsPage() {
  return (
    <RequireComplainant>
      <List />
    </RequireComplainant>
  );
}
