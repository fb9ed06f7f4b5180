// Filters of 我的投诉: category, stage and how far back (90 days by default, at most 180).
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintStatus } from '../../../app/types';
import {
  COMPLAINT_STATUSES,
  HISTORY_MAX_DAYS,
  OPEN_STATUSES,
  STATUS_LABELS,
} from '../../../app/types';
import { useLocalText } from '../../../shared/text';
import { useCatalog } from '../../catalog/api';

export const DAY_CHOICES = [30, 90, HISTORY_MAX_DAYS] as const;
/** The status filter value meaning "still being worked". */
export const OPEN = OPEN_STATUSES.join(',');

export interface FilterValues {
  category: string;
  status: string;
  days: number;
}

interface Props {
  value: FilterValues;
  onChange: (next: Partial<FilterValues>) => void;
}

export function ListFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const local = useLocalText();
  const catalog = useCatalog();
  const p = 'portalComplaints.list';
  const categories = (catalog.data ?? []).filter((c) => c.accepted);
  return (
    <div className="cx-filters" data-testid="list-filters">
      <Select
        value={value.category}
        onChange={(category) => onChange({ category })}
        aria-label={t(`${p}.category`)}
        loading={catalog.isPending}
        popupMatchSelectWidth={false}
        options={[
          { value: '', label: t(`${p}.allCategories`) },
          ...categories.map((c) => ({ value: c.code, label: local(c.name) })),
        ]}
        data-testid="filter-category"
      />
      <Select
        value={value.status}
        onChange={(status) => onChange({ status })}
        aria-label={t(`${p}.status`)}
        popupMatchSelectWidth={false}
        options={[
          { value: '', label: t(`${p}.allStatuses`) },
          { value: OPEN, label: t(`${p}.openStatuses`) },
          ...COMPLAINT_STATUSES.map((s: ComplaintStatus) => ({
            value: s,
            label: local(STATUS_LABELS[s]),
          })),
        ]}
        data-testid="filter-status"
      />
      <Select
        value={value.days}
        onChange={(days) => onChange({ days })}
        aria-label={t(`${p}.period`)}
        popupMatchSelectWidth={false}
        options={DAY_CHOICES.map((days) => ({ value: days, label: t(`${p}.lastDays`, { days }) }))}
        data-testid="filter-days"
      />
    </div>
  );
}
