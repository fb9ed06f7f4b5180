import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../shared/LinkButton';

export default function ConsoleNotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFoundPage')}
      data-testid="not-found"
      extra={
        <LinkButton to="/console" type="primary">
          {t('common.backToDashboard')}
        </LinkButton>
      }
    />
  );
}
