// Working hours in words: 全天候, or 周一至周五 09:00–18:00.
import { useTranslation } from 'react-i18next';
import type { WorkingHours } from '../../app/types';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function useHoursText(): (hours: WorkingHours) => string {
  const { t } = useTranslation();
  const day = (d: number) => t(`caseWork.weekday.${d}`);
  return (hours) => {
    if (hours.alwaysOn) return t('caseWork.hours.alwaysOn');
    const days = [...new Set(hours.days)].sort((a, b) => a - b);
    if (days.length === 0) return t('caseWork.hours.none');
    const first = days[0]!;
    const last = days[days.length - 1]!;
    const contiguous = days.length > 2 && last - first === days.length - 1;
    const daysText = contiguous
      ? t('caseWork.hours.range', { from: day(first), to: day(last) })
      : days.map(day).join(t('caseWork.hours.sep'));
    return `${daysText} ${hours.start}–${hours.end}`;
  };
}
