import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../shared/LinkButton';

/** The 404 page, with a way back to the home of the area it was reached from. */
export function NotFound({ home, backKey }: { home: string; backKey: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFoundPage')}
      data-testid="not-found"
      extra={
        <LinkButton to={home} type="primary">
          {t(backKey)}
        </LinkButton>
      }
    />
  );
}
