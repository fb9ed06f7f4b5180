// Why a button the agent may expect is not there. The server leaves out actions this person may
// not take now (allowedActions); at the appeal stages that silence would puzzle people, so say
// which rule applies. The inference follows the lifecycle table: at `appealed` an expert or
// supervisor is refused only as the first resolver.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import type { ComplaintDetail } from '../../app/types';
import { useFormatDateTime } from '../../shared/text';

export interface Note {
  text: string;
  self: boolean;
}

export function useStageNote(complaint: ComplaintDetail): Note | null {
  const { t } = useTranslation();
  const { can } = useAuth();
  const formatDateTime = useFormatDateTime();
  const allowed = complaint.allowedActions;
  const senior = can('complaints.reconsider');
  if (!can('complaints.work')) return null;
  switch (complaint.status) {
    case 'appealed':
      if (allowed.includes('start_reconsideration')) return null;
      return senior
        ? { text: t('consoleComplaints.note.reconsiderSelf'), self: true }
        : { text: t('consoleComplaints.note.reconsiderRole'), self: false };
    case 'reconsidering':
      if (allowed.includes('resolve')) return null;
      return senior
        ? { text: t('consoleComplaints.note.reconsiderSelf'), self: true }
        : { text: t('consoleComplaints.note.resolveReconsiderRole'), self: false };
    case 'resolved':
      if (allowed.includes('close') || !complaint.appeal.deadline) return null;
      return {
        text: t('consoleComplaints.note.closeAfterWindow', {
          at: formatDateTime(complaint.appeal.deadline),
        }),
        self: false,
      };
    default:
      return null;
  }
}

export function StageNote({ note }: { note: Note }) {
  return (
    <Alert
      type={note.self ? 'warning' : 'info'}
      showIcon
      title={note.text}
      data-testid="stage-note"
      style={{ width: '100%' }}
    />
  );
}
