// 商家解决方案: a remedy the merchant offered, for the complainant to accept or refuse (with a
// reason). Refusing, or not answering in time, sends the case to platform arbitration.
import { GiftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail, Remedy } from '../../../app/types';
import { errorMessage } from '../../../shared/formErrors';
import { useFormatDateTime } from '../../../shared/text';
import { useAnswerRemedy } from '../api';
import { useRemedyLabel } from '../components/remedyLabel';

const REASON_MAX = 500;

function OpenRemedy({ complaint, remedy }: { complaint: ComplaintDetail; remedy: Remedy }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const formatTime = useFormatDateTime();
  const label = useRemedyLabel();
  const p = 'portalComplaints.remedy';
  const answer = useAnswerRemedy(complaint.number);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');

  const accept = () =>
    modal.confirm({
      title: t(`${p}.acceptConfirm`, { remedy: label(remedy) }),
      content: t(`${p}.acceptConfirmText`),
      okText: t(`${p}.accept`),
      cancelText: t(`${p}.back`),
      onOk: () =>
        answer
          .mutateAsync({ id: remedy.id, accept: true })
          .then(() => void message.success(t(`${p}.accepted`))),
    });

  const refuse = () =>
    answer.mutate(
      { id: remedy.id, accept: false, reason: reason.trim() },
      { onSuccess: () => void message.success(t(`${p}.refused`)) },
    );

  return (
    <Card
      className="cx-action-card"
      data-testid="remedy-card"
      title={
        <span className="cx-card-title">
          <GiftOutlined /> {t(`${p}.title`)}
        </span>
      }
    >
      <div className="cx-remedy-what" data-testid="remedy-what">
        {label(remedy)}
      </div>
      {remedy.note && <div className="cx-opinion-text cx-gap">{remedy.note}</div>}
      <div className="cx-deadline" data-testid="remedy-deadline">
        {t(`${p}.respondBy`, { time: formatTime(remedy.respondBy) })}
      </div>
      {answer.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(answer.error, t)}
          className="cx-gap"
        />
      )}
      {refusing ? (
        <div className="cx-gap">
          <div className="cx-label">{t(`${p}.reasonLabel`)}</div>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t(`${p}.reasonPlaceholder`)}
            maxLength={REASON_MAX}
            showCount
            autoSize={{ minRows: 3, maxRows: 6 }}
            disabled={answer.isPending}
            data-testid="remedy-reason"
          />
          <div className="cx-hint">{t(`${p}.refuseHint`)}</div>
          <div className="cx-remedy-buttons">
            <Button size="large" onClick={() => setRefusing(false)} disabled={answer.isPending}>
              {t(`${p}.back`)}
            </Button>
            <Button
              size="large"
              danger
              type="primary"
              disabled={!reason.trim()}
              loading={answer.isPending}
              onClick={refuse}
              data-testid="remedy-refuse-submit"
            >
              {t(`${p}.refuseSubmit`)}
            </Button>
          </div>
        </div>
      ) : (
        <div className="cx-remedy-buttons">
          <Button size="large" onClick={() => setRefusing(true)} data-testid="remedy-refuse">
            {t(`${p}.refuse`)}
          </Button>
          <Button
            size="large"
            type="primary"
            loading={answer.isPending}
            onClick={accept}
            data-testid="remedy-accept"
          >
            {t(`${p}.accept`)}
          </Button>
        </div>
      )}
    </Card>
  );
}

/** One card per remedy still waiting for the complainant's answer (normally at most one). */
export function RemedyCards({ complaint }: { complaint: ComplaintDetail }) {
  const open = (complaint.merchant?.remedies ?? []).filter((r) => r.status === 'proposed');
  return (
    <>
      {open.map((remedy) => (
        <OpenRemedy key={remedy.id} complaint={complaint} remedy={remedy} />
      ))}
    </>
  );
}
