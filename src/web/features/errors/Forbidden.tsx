// 403 pages: inside the console (missing permission) and for non-staff opening the console.
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../shared/LinkButton';
import { useLogout } from '../../app/auth';
import { BareFrame } from '../../shared/BareFrame';

export function ForbiddenResult() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbiddenPage')}
      extra={
        <LinkButton to="/console" type="primary">
          {t('common.backToDashboard')}
        </LinkButton>
      }
      data-testid="forbidden"
    />
  );
}

export function ConsoleForbiddenPage() {
  const { t } = useTranslation();
  const logout = useLogout('/console/login');
  return (
    <BareFrame>
      <Result
        status="403"
        title={t('error.forbiddenTitle')}
        subTitle={t('error.forbiddenConsole')}
        data-testid="forbidden"
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            <LinkButton to="/" type="primary">
              {t('common.goPortal')}
            </LinkButton>
            <Button loading={logout.isPending} onClick={() => logout.mutate()}>
              {t('auth.switchAccount')}
            </Button>
          </Space>
        }
      />
    </BareFrame>
  );
}
