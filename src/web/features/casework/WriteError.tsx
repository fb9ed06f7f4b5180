// How a refused write on a complaint is shown. Two refusals need more than their message: a
// version conflict (someone changed the case meanwhile) offers 刷新, which loads the new state
// and keeps what the agent typed; "not assigned to you" offers 认领 when the case is waiting.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { errorMessage } from '../../shared/formErrors';

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'version_conflict';
}

interface Props {
  error: unknown;
  /** Loads the complaint again; the caller then re-bases its pending change on the new version. */
  onRefresh: () => Promise<unknown>;
  /** Whether the agent has typed something that is kept for another try. */
  kept?: boolean;
  onClose?: () => void;
  testId?: string;
}

export function WriteError({ error, onRefresh, kept, onClose, testId = 'write-error' }: Props) {
  const { t } = useTranslation();
  const [refreshing, setRefreshing] = useState(false);
  const conflict = isConflict(error);

  const refresh = () => {
    setRefreshing(true);
    void onRefresh().finally(() => setRefreshing(false));
  };

  return (
    <Alert
      type={conflict ? 'warning' : 'error'}
      showIcon
      role="alert"
      data-testid={testId}
      data-code={error instanceof ApiError ? error.code : undefined}
      closable={onClose ? { onClose } : undefined}
      title={conflict ? t('caseWork.conflict.title') : errorMessage(error, t)}
      description={
        conflict ? t(kept ? 'caseWork.conflict.kept' : 'caseWork.conflict.refreshHint') : undefined
      }
      action={
        conflict ? (
          <Button
            size="small"
            type="primary"
            icon={<ReloadOutlined />}
            loading={refreshing}
            onClick={refresh}
            data-testid="conflict-refresh"
          >
            {t('caseWork.conflict.refresh')}
          </Button>
        ) : undefined
      }
      style={{ width: '100%' }}
    />
  );
}
