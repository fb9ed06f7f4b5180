// 申诉: within the appeal window, a reason and/or new evidence (uploaded first), then submit.
import { AuditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../app/types';
import { errorMessage } from '../../../shared/formErrors';
import { useFormatDateTime } from '../../../shared/text';
import { useAppeal } from '../api';
import { FilePicker } from '../components/FilePicker';
import { UploadFailures, UploadProgress } from '../components/UploadProgress';
import { useEvidenceUpload } from '../useEvidenceUpload';

/** The server's limit for an appeal reason (AppealBody in the complaints route schema). */
const REASON_MAX = 500;

export function AppealCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.appeal';
  const [files, setFiles] = useState<File[]>([]);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const uploader = useEvidenceUpload();
  const appeal = useAppeal(complaint.number);
  const busy = uploader.state.running || appeal.isPending;
  const deadline = complaint.appeal.deadline;

  const submit = async () => {
    setProblem(null);
    if (!reason.trim() && files.length === 0) {
      setProblem(t(`${p}.needSomething`));
      return;
    }
    if (files.length > 0) {
      const failures = await uploader.run(complaint.number, [{ key: null, files }]);
      setFiles(failures.flatMap((f) => f.files));
      if (failures.length > 0) return;
    }
    appeal.mutate(
      { reason: reason.trim() || undefined },
      {
        onSuccess: () => void message.success(t(`${p}.done`)),
        onError: (error) => setProblem(errorMessage(error, t)),
      },
    );
  };

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
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t(`${p}.reasonPlaceholder`)}
        maxLength={REASON_MAX}
        showCount
        autoSize={{ minRows: 3, maxRows: 8 }}
        disabled={busy}
        className="cx-gap"
        data-testid="appeal-reason"
      />
      <div className="cx-label cx-gap">{t(`${p}.evidence`)}</div>
      <FilePicker files={files} onChange={setFiles} disabled={busy} testId="appeal-files" />
      <UploadProgress state={uploader.state} />
      <UploadFailures failures={uploader.state.failures} />
      {problem && <Alert type="error" showIcon title={problem} role="alert" className="cx-gap" />}
      <Button
        type="primary"
        size="large"
        block
        loading={busy}
        onClick={() => void submit()}
        className="cx-gap"
        data-testid="appeal-submit"
      >
        {t(`${p}.submit`)}
      </Button>
    </Card>
  );
}
