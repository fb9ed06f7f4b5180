import { Tag } from 'antd';
import type { ComplaintStatus } from '../../../app/types';
import { STATUS_LABELS } from '../../../app/types';
import { useLocalText } from '../../../shared/text';

const COLORS: Record<ComplaintStatus, string> = {
  submitted: 'blue',
  accepted: 'blue',
  reviewing: 'processing',
  investigating: 'processing',
  awaiting_materials: 'orange',
  transferred: 'purple',
  resolved: 'green',
  appealed: 'magenta',
  reconsidering: 'magenta',
  rejected: 'red',
  closed: 'default',
};

/** The stage of a complaint in plain words, coloured by who has the next move. */
export function StatusTag({ status }: { status: ComplaintStatus }) {
  const local = useLocalText();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="status-tag">
      {local(STATUS_LABELS[status])}
    </Tag>
  );
}
