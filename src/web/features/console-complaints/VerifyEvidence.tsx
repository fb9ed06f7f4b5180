// 核验证据链: asks the server to re-read every file and recompute the hash chain, and says
// plainly whether the evidence is intact.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/formErrors';
import { useFormatDateTime } from '../../shared/text';
import type { useVerifyEvidence } from './api';

export function VerifyButton({ onClick, loading }: { onClick: () => void; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      onClick={onClick}
      loading={loading}
      data-testid="evidence-verify"
    >
      {t('consoleComplaints.verify.button')}
    </Button>
  );
}

export function VerifyResult({ verify }: { verify: ReturnType<typeof useVerifyEvidence> }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (verify.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(verify.error, t)}
        style={{ marginBottom: 16 }}
        data-testid="verify-result"
      />
    );
  }
  const result = verify.data;
  if (!result) return null;
  const when = formatDateTime(result.checkedAt);
  if (result.valid) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('consoleComplaints.verify.valid')}
        description={t('consoleComplaints.verify.validDetail', { count: result.records, when })}
        style={{ marginBottom: 16 }}
        data-testid="verify-result"
        data-valid="true"
      />
    );
  }
  const problem = result.problem
    ? t(`consoleComplaints.verify.problem.${result.problem}`, { defaultValue: result.problem })
    : '';
  return (
    <Alert
      type="error"
      showIcon
      title={t('consoleComplaints.verify.invalid')}
      description={t('consoleComplaints.verify.invalidDetail', {
        seq: result.firstBadRecord ?? '?',
        problem,
        count: result.records,
        when,
      })}
      style={{ marginBottom: 16 }}
      data-testid="verify-result"
      data-valid="false"
    />
  );
}
