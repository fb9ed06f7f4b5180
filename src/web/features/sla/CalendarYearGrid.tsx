// A year at a glance: twelve small months, holidays red, 调休 make-up working days blue, the
// calendar's ordinary rest days grey. Hovering a marked day names it.
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BusinessCalendar, CalendarDay, CalendarYear } from '../../../shared/sla';
import { monthDays, weekdayIndex } from './admin-format';

function dayClass(date: string, special: CalendarDay | undefined, cal: BusinessCalendar): string {
  if (special) return special.kind === 'holiday' ? 'sla-day-holiday' : 'sla-day-workday';
  return cal.week[weekdayIndex(date)]?.length ? '' : 'sla-day-rest';
}

export function CalendarYearGrid({
  calendar,
  year,
}: {
  calendar: BusinessCalendar;
  year: CalendarYear;
}) {
  const { t } = useTranslation();
  const byDate = new Map(year.days.map((d) => [d.date, d]));
  const weekdays = Array.from({ length: 7 }, (_, i) => t(`slaAdmin.weekdayShort.${i}`));

  return (
    <>
      <div className="sla-legend">
        <span>
          <i className="sla-swatch sla-day-holiday" />
          {t('slaAdmin.kind.holiday')}
        </span>
        <span>
          <i className="sla-swatch sla-day-workday" />
          {t('slaAdmin.kind.workday')}
        </span>
        <span>
          <i className="sla-swatch sla-day-rest" />
          {t('slaAdmin.calendars.restDay')}
        </span>
      </div>
      <div className="sla-year-grid" data-testid="year-grid">
        {Array.from({ length: 12 }, (_, month) => {
          const { lead, dates } = monthDays(year.year, month);
          return (
            <div className="sla-month" key={month}>
              <div className="sla-month-title">{t(`slaAdmin.month.${month}`)}</div>
              <div className="sla-month-days">
                {weekdays.map((w) => (
                  <div key={w} className="sla-weekday">
                    {w}
                  </div>
                ))}
                {Array.from({ length: lead }, (_, i) => (
                  <div key={`lead-${i}`} />
                ))}
                {dates.map((date) => {
                  const special = byDate.get(date);
                  const cell = (
                    <div
                      key={date}
                      className={`sla-day ${dayClass(date, special, calendar)}`}
                      data-date={date}
                    >
                      {Number(date.slice(8))}
                    </div>
                  );
                  return special ? (
                    <Tooltip key={date} title={`${date} ${special.name}`}>
                      {cell}
                    </Tooltip>
                  ) : (
                    cell
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </>
  );
}
