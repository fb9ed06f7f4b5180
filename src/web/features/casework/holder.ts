// Agents and experts change only the complaints they hold (or claim one waiting in their team's
// queue); supervisors may act on any. The server enforces it (403 not_assignee); the console
// uses the same rule to say who holds a case instead of offering buttons that would be refused.
import { useAuth } from '../../app/auth';
import type { ComplaintDetail } from '../../app/types';

/** The holder's name when someone else holds the case and the viewer is an agent or expert. */
export function useHeldByOther(complaint: ComplaintDetail): string | null {
  const { session } = useAuth();
  const role = session?.user.role;
  if (role !== 'agent' && role !== 'expert') return null;
  const { assignee } = complaint;
  return assignee && assignee.id !== session?.user.id ? assignee.name : null;
}
