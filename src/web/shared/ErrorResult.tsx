// The standard "something went wrong" block with a retry button.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { errorMessage } from './formErrors';

interface Props {
  error: unknown;
  onRetry?: () => void;
}

export function ErrorResult({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const subTitle = errorMessage(error, t);
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Result
      status={forbidden ? '403' : 'error'}
      title={forbidden ? t('error.forbiddenTitle') : t('error.loadFailed')}
      subTitle={subTitle}
      extra={
        onRetry ? (
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
