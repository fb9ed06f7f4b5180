// Words for timeline entries: a transition is named by its action (开始审核), other events by
// their kind (补充材料, 重复投诉 …).
import { useTranslation } from 'react-i18next';
import { ALL_ROLES, type Role, type TimelineEvent } from '../../app/types';

export function asRole(role: string | null): Role | null {
  return role && (ALL_ROLES as readonly string[]).includes(role) ? (role as Role) : null;
}

/**
 * An event kind's name; the SLA events (催办, 时限预警/超时, 协查, 快递等级 …) are named in the
 * slaClocks words. '' for a kind nobody named.
 */
export function useEventTypeLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) =>
    t(`consoleComplaints.timeline.event.${type}`, {
      defaultValue: t(`slaClocks.timeline.event.${type}`, { defaultValue: '' }),
    });
}

export function useEventTitle(): (event: TimelineEvent) => string {
  const { t } = useTranslation();
  const typeLabel = useEventTypeLabel();
  return (event) => {
    // A result given on reconsideration is the one the appeal asked for: name it so.
    if (event.action === 'resolve' && event.fromStatus === 'reconsidering') {
      return t('consoleComplaints.action.resolveReconsidered');
    }
    return event.type === 'transition' && event.action
      ? t(`consoleComplaints.action.${event.action}`)
      : typeLabel(event.type) || event.type;
  };
}
