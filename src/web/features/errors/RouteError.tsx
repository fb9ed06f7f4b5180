// Last line of defence: a rendering error or a failed chunk download shows this, not a blank page.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFound } from './NotFound';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404)
    return <NotFound home="/" backKey="common.backHome" />;
  console.error(error);
  return (
    <Result
      status="500"
      title={t('error.crashTitle')}
      subTitle={t('error.crashText')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
