// How the SLA admin page says durations, working weeks, rule conditions and actions in words.
import { useTranslation } from 'react-i18next';
import type {
  EscalationAction,
  EscalationCondition,
  SlaDuration,
  WorkingInterval,
} from '../../../shared/sla';

const intervalsText = (list: WorkingInterval[]) =>
  list.map((x) => `${x.start}–${x.end}`).join(', ');

export function useSlaWords() {
  const { t } = useTranslation();

  const duration = (d: SlaDuration | null | undefined): string =>
    d ? t(`slaAdmin.duration.${d.unit}`, { count: d.value }) : t('slaAdmin.duration.none');

  /** "周一至周五 09:00–18:00；周六、周日 休息": runs of weekdays with the same hours. */
  const week = (days: WorkingInterval[][]): string[] => {
    const groups: { from: number; to: number; text: string }[] = [];
    days.forEach((list, i) => {
      const text = list.length ? intervalsText(list) : '';
      const last = groups[groups.length - 1];
      if (last && last.text === text && last.to === i - 1) last.to = i;
      else groups.push({ from: i, to: i, text });
    });
    const dayName = (i: number) => t(`slaAdmin.weekday.${i}`);
    return groups.map((g) => {
      const span =
        g.from === g.to
          ? dayName(g.from)
          : g.to === g.from + 1
            ? `${dayName(g.from)}${t('slaAdmin.and')}${dayName(g.to)}`
            : t('slaAdmin.dayRange', { from: dayName(g.from), to: dayName(g.to) });
      return `${span} ${g.text || t('slaAdmin.calendars.rest')}`;
    });
  };

  const condition = (c: EscalationCondition): string => {
    if (c.trigger === 'clock') {
      return t(`slaAdmin.rules.clockState.${c.state}`, {
        clock: t(`slaAdmin.clock.${c.clock}`),
      });
    }
    const after = duration(c.after);
    if (c.since === 'last_progress') return t('slaAdmin.rules.noProgress', { after });
    return t(c.untilTreated ? 'slaAdmin.rules.untreated' : 'slaAdmin.rules.sinceAccepted', {
      after,
    });
  };

  const action = (a: EscalationAction): string => {
    switch (a.do) {
      case 'set_priority':
        return t('slaAdmin.action.set_priority_to', { priority: t(`priority.${a.priority}`) });
      case 'add_tag':
        return t('slaAdmin.action.add_tag_named', { tag: a.tag });
      case 'set_express_tier':
        return t('slaAdmin.action.set_express_tier_to', {
          tier: t(`slaAdmin.tier.${a.tier}`),
        });
      default:
        return t(`slaAdmin.action.${a.do}`);
    }
  };

  /** A day's name from the server, with its generic "周末" put in the page's language. */
  const dayName = (name: string): string => (name === '周末' ? t('slaAdmin.weekend') : name);

  return { duration, week, condition, action, dayName, intervals: intervalsText };
}

export const ACTION_COLOURS: Record<EscalationAction['do'], string> = {
  escalate_to_expert: 'purple',
  set_priority: 'red',
  add_tag: 'blue',
  alert_supervisors: 'gold',
  set_express_tier: 'orange',
  copy_regulator: 'magenta',
};
