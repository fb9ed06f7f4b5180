// 我的: the complainant's own account. Staff sessions get a pointer to the console instead.
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useAuth, useLogout } from '../../app/auth';
import { ErrorResult } from '../../shared/ErrorResult';
import { NotificationSettings } from '../notifications/NotificationSettings';
import { LinkButton } from '../../shared/LinkButton';
import { PageSpin } from '../../shared/PageSpin';
import { RoleTag } from '../../shared/RoleTag';

function LogoutButton({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout('/');
  return (
    <Button
      danger
      block={block}
      size="large"
      icon={<LogoutOutlined />}
      loading={logout.isPending}
      data-testid="logout"
      onClick={() => logout.mutate()}
    >
      {t('auth.logout')}
    </Button>
  );
}

export function MePage() {
  const { t } = useTranslation();
  const { session, loading, error, retry } = useAuth();

  if (loading) return <PageSpin />;
  if (!session) {
    if (error) return <ErrorResult error={error} onRetry={retry} />;
    return <Navigate to="/login?redirect=%2Fme" replace />;
  }

  const { user } = session;
  if (user.role !== 'complainant') {
    return (
      <Result
        status="info"
        title={t('me.staffTitle')}
        subTitle={t('me.staffText', { name: user.name })}
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            <LinkButton to="/console" type="primary" size="large">
              {t('common.goConsole')}
            </LinkButton>
            <LogoutButton />
          </Space>
        }
      />
    );
  }

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        {t('me.title')}
      </Typography.Title>
      <Card style={{ marginTop: 12 }}>
        <Space size={16} align="center" style={{ marginBottom: 16 }}>
          <Avatar size={56} icon={<UserOutlined />} style={{ background: '#1f5fbf' }} />
          <div>
            <div style={{ fontSize: 18, fontWeight: 600 }} data-testid="me-name">
              {user.name}
            </div>
            <RoleTag role={user.role} />
          </div>
        </Space>
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            {
              key: 'phone',
              label: t('me.phone'),
              children: <span data-testid="me-phone">{user.phone ?? t('me.notSet')}</span>,
            },
            {
              key: 'email',
              label: t('me.email'),
              children: <span data-testid="me-email">{user.email ?? t('me.notSet')}</span>,
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0', fontSize: 12 }}>
          {t('me.privacyNote')}
        </Typography.Paragraph>
      </Card>
      <NotificationSettings />
      {/* Last, after everything the person may want to change. */}
      <div style={{ marginTop: 16 }}>
        <LogoutButton block />
      </div>
    </div>
  );
}
