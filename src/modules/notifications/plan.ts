// Which timeline events are key nodes, pure. An occurrence names the node's instance: a node
// that can happen once per complaint ("accepted") has one, a repeatable one (each materials
// request) takes the event's sequence number. Node + occurrence + channel is the message's
// identity: it is sent at most once, however often the event is replayed.
import type { NotifyNode } from '../../shared/notifications.js';

export interface NotifyEvent {
  seq: number;
  type: string;
  action: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  internal: boolean;
  opinion: string | null;
  data: Record<string, unknown>;
  at: Date;
}

export type Audience = 'complainant' | 'assignee' | 'supervisors';

export interface PlannedNode {
  node: NotifyNode;
  occurrence: string;
  audience: Audience;
}

export function planNodes(ev: NotifyEvent): PlannedNode[] {
  const out: PlannedNode[] = [];
  const seq = String(ev.seq);
  const add = (node: NotifyNode, occurrence: string, audience: Audience) =>
    out.push({ node, occurrence, audience });
  const publicEvent = !ev.internal;

  if (publicEvent) {
    if (ev.action === 'accept') add('accepted', 'once', 'complainant');
    if (ev.action === 'request_materials' || ev.type === 'materials_requested') {
      add('materials_requested', seq, 'complainant');
    }
    if (ev.action === 'resolve' || ev.action === 'reject') {
      // A reconsidered result answers the appeal; the first result opens the appeal window.
      if (ev.fromStatus === 'reconsidering') add('appeal_decided', 'once', 'complainant');
      else add('result', 'once', 'complainant');
    }
    if (ev.action === 'start_reconsideration') add('appeal_accepted', 'once', 'complainant');
    if (ev.type === 'merchant_reply') add('merchant_reply', seq, 'complainant');
    if (ev.type === 'external_transfer') add('external_transfer', seq, 'complainant');
    if (ev.type === 'pressed') add('staff_pressed', seq, 'assignee');
    if (ev.action === 'supply_materials' || ev.type === 'materials_supplied') {
      add('staff_materials_supplied', seq, 'assignee');
    }
    if (ev.action === 'appeal') add('staff_appealed', seq, 'assignee');
  }
  // The system's own SLA entries are staff-only on the timeline, but an apology is for the
  // complainant (sent only where an admin has switched it on).
  if (ev.type === 'sla_breached' && ev.data.clock === 'resolution') {
    add('sla_apology', `resolution:${String(ev.data.cycle ?? 0)}`, 'complainant');
  }
  if (ev.type === 'assigned' || ev.type === 'reassigned') add('staff_assigned', seq, 'assignee');
  if (ev.type === 'supervisors_alerted') add('staff_escalation_alert', seq, 'supervisors');
  return out;
}

/** Events that start, stop or restart the 48-hourly progress report. */
export function reportScheduleChange(ev: NotifyEvent): 'start' | 'stop' | null {
  if (ev.action === 'accept' || ev.action === 'appeal') return 'start';
  if (ev.action === 'resolve' || ev.action === 'reject' || ev.action === 'close') return 'stop';
  return null;
}

/** Results come with a receipt (处理回执): cycle 0 for the first, 1 after reconsideration. */
export function receiptCycle(ev: NotifyEvent): number | null {
  if (ev.action !== 'resolve' && ev.action !== 'reject') return null;
  return ev.fromStatus === 'reconsidering' ? 1 : 0;
}
