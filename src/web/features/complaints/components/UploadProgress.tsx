import { Alert, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UploadFailure, UploadState } from '../useEvidenceUpload';

/** One bar for a whole batch of evidence, so a slow phone upload visibly moves. */
export function UploadProgress({ state }: { state: UploadState }) {
  const { t } = useTranslation();
  if (!state.running) return null;
  const percent = Math.min(99, Math.floor(state.percent));
  return (
    <div className="cx-progress" role="status" aria-live="polite" data-testid="upload-progress">
      <div className="cx-progress-label">{t('portalComplaints.upload.progress', { percent })}</div>
      <Progress percent={percent} status="active" showInfo={false} />
    </div>
  );
}

/** Which files did not go through and why. */
export function UploadFailures({
  failures,
  title,
}: {
  failures: readonly UploadFailure[];
  /** Defaults to saying the files are still selected, as they are in the upload forms. */
  title?: string;
}) {
  const { t } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <Alert
      type={title ? 'warning' : 'error'}
      showIcon
      role="alert"
      className="cx-gap"
      data-testid="upload-failed"
      title={title ?? t('portalComplaints.upload.failedTitle')}
      description={
        <ul className="cx-plain-list">
          {failures.map((f, index) => (
            <li key={index}>
              {t('portalComplaints.upload.failureLine', {
                names: f.files.map((file) => file.name).join(t('common.listSeparator')),
                message: f.message,
              })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
