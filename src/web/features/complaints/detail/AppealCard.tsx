// 申诉: within the appeal window, a reason and/or new evidence (uploaded first), then submit.
import { AuditOutlined } from '@ant-design/icons';
import { Card, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../app/types';
import { useFormatDateTime } from '../../../shared/text';
import { useAppeal } from '../api';
import { FilePicker } from '../components/FilePicker';
import { UploadThenSendFooter, useUploadThenSend } from './useUploadThenSend';

/** The server's limit for an appeal reason (AppealBody in the complaints route schema). */
const REASON_MAX = 500;

export function AppealCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.appeal';
  const appeal = useAppeal(complaint.number);
  const flow = useUploadThenSend({
    number: complaint.number,
    send: (reason) => appeal.mutateAsync({ reason }),
    sending: appeal.isPending,
    prefix: p,
  });
  const deadline = complaint.appeal.deadline;

  return (
    <Card
      data-testid="appeal-card"
      className="cx-action-card"
      title={
        <span className="cx-card-title">
          <AuditOutlined /> {t(`${p}.title`)}
        </span>
      }
    >
      <div className="cx-muted">{t(`${p}.intro`)}</div>
      {deadline && (
        <div className="cx-deadline" data-testid="appeal-deadline">
          {t(`${p}.deadline`, { time: formatTime(deadline) })}
        </div>
      )}
      <Input.TextArea
        value={flow.text}
        onChange={(e) => flow.setText(e.target.value)}
        placeholder={t(`${p}.reasonPlaceholder`)}
        maxLength={REASON_MAX}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
        disabled={flow.busy}
        className="cx-gap"
        data-testid="appeal-reason"
      />
      <div className="cx-label cx-gap">{t(`${p}.evidence`)}</div>
      <FilePicker
        files={flow.files}
        onChange={flow.setFiles}
        disabled={flow.busy}
        testId="appeal-files"
      />
      <UploadThenSendFooter flow={flow} label={t(`${p}.submit`)} testId="appeal-submit" />
    </Card>
  );
}
