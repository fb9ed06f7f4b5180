// After submission: the complaint number, its stage and expected completion, how the evidence
// upload went, and where to go next.
import { CheckCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilingResult } from '../../../app/types';
import { LinkButton } from '../../../shared/LinkButton';
import { useFormatDateTime, useLocalText } from '../../../shared/text';
import { ComplaintNumber } from '../components/ComplaintNumber';
import { UploadFailures, UploadProgress } from '../components/UploadProgress';
import type { UploadGroup, UploadState } from '../useEvidenceUpload';

interface Props {
  result: FilingResult;
  upload: UploadState;
  held: readonly UploadGroup[];
  onRetry: () => void;
  onSendHeld: () => void;
}

function heldCount(groups: readonly UploadGroup[]): number {
  return groups.reduce((n, g) => n + g.files.length, 0);
}

export function FilingDone({ result, upload, held, onRetry, onSendHeld }: Props) {
  const { t } = useTranslation();
  const local = useLocalText();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.done';
  const { complaint, linkedToExisting } = result;
  const link = `/complaints/${encodeURIComponent(complaint.number)}`;
  const failed = heldCount(upload.failures);
  const offerHeld =
    linkedToExisting && heldCount(held) > 0 && complaint.canUploadEvidence && !upload.finished;

  return (
    <Card className="cx-done" data-testid="filing-done">
      <div className="cx-done-icon">
        {linkedToExisting ? <InfoCircleFilled className="cx-info" /> : <CheckCircleFilled />}
      </div>
      <h2 className="cx-done-title">{t(linkedToExisting ? `${p}.linkedTitle` : `${p}.title`)}</h2>
      {linkedToExisting && result.notice && (
        <Alert type="info" showIcon title={result.notice} data-testid="linked-notice" />
      )}
      <div className="cx-done-label">
        {t(linkedToExisting ? `${p}.existingNumber` : `${p}.number`)}
      </div>
      <ComplaintNumber number={complaint.number} />
      <dl className="cx-done-facts">
        <dt>{t(`${p}.stage`)}</dt>
        <dd data-testid="done-stage">{local(complaint.stage.label)}</dd>
        {complaint.estimatedCompletion && (
          <>
            <dt>{t(`${p}.eta`)}</dt>
            <dd>{formatTime(complaint.estimatedCompletion.at)}</dd>
          </>
        )}
      </dl>
      <UploadProgress state={upload} />
      {upload.running && <div className="cx-muted">{t(`${p}.uploading`)}</div>}
      {!upload.running && failed > 0 && (
        <>
          <UploadFailures
            failures={upload.failures}
            title={t(`${p}.uploadFailed`, { count: failed })}
          />
          {upload.failures.some((f) => f.retryable) && (
            <Button block onClick={onRetry} className="cx-gap" data-testid="retry-upload">
              {t(`${p}.retryUpload`)}
            </Button>
          )}
        </>
      )}
      {!upload.running && upload.finished && failed === 0 && heldCount(held) > 0 && (
        <Alert
          type="success"
          showIcon
          title={t(`${p}.uploaded`, { count: heldCount(held) })}
          className="cx-gap"
          data-testid="upload-done"
        />
      )}
      {offerHeld && (
        <Button block onClick={onSendHeld} className="cx-gap" data-testid="send-held">
          {t(`${p}.sendHeld`, { count: heldCount(held) })}
        </Button>
      )}
      <div className="cx-done-actions">
        <LinkButton to={link} type="primary" size="large" block data-testid="done-view">
          {t(`${p}.view`)}
        </LinkButton>
        <LinkButton to="/complaints" size="large" block data-testid="done-list">
          {t(`${p}.list`)}
        </LinkButton>
      </div>
      <div className="cx-muted cx-gap">{t(`${p}.keepNumber`)}</div>
    </Card>
  );
}
