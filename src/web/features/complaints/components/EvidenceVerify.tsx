// 核验证据链: asks the server to re-read every file and recompute the hash chain.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/formErrors';
import { useFormatDateTime } from '../../../shared/text';
import { useVerifyEvidence } from '../api';

export function EvidenceVerify({ number }: { number: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatDateTime();
  const verify = useVerifyEvidence(number);
  const p = 'portalComplaints.evidence';
  const result = verify.data;
  return (
    <div className="cx-verify">
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="verify-evidence"
      >
        {t(`${p}.verify`)}
      </Button>
      {verify.isError && (
        <Alert type="error" showIcon title={errorMessage(verify.error, t)} role="alert" />
      )}
      {result && (
        <Alert
          type={result.valid ? 'success' : 'error'}
          showIcon
          data-testid="verify-result"
          title={
            result.valid
              ? t(`${p}.verifyOk`, { count: result.records })
              : t(`${p}.verifyBad`, { seq: result.firstBadRecord ?? '?' })
          }
          description={
            <>
              {!result.valid && result.problem && (
                <div>{t(`${p}.problem.${result.problem}`, { defaultValue: result.problem })}</div>
              )}
              <div>{t(`${p}.verifiedAt`, { time: formatTime(result.checkedAt) })}</div>
            </>
          }
        />
      )}
    </div>
  );
}
