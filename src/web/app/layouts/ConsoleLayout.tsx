// Staff console frame: collapsible sider whose items come from the session's permissions.
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ConsoleForbiddenPage } from '../../features/errors/Forbidden';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { BareFrame } from '../../shared/BareFrame';
import { BrandMark } from '../../shared/BrandMark';
import { ErrorResult } from '../../shared/ErrorResult';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { PageSpin } from '../../shared/PageSpin';
import { RoleTag } from '../../shared/RoleTag';
import { loginPath } from '../../shared/redirect';
import { useAuth, useLogout } from '../auth';
import { CONSOLE_PAGES } from '../console-pages';

const NAV_PAGES = CONSOLE_PAGES.filter((item) => item.nav !== false);

function selectedKey(pathname: string): string {
  // The dashboard lives at the console root, so it only matches exactly; an unknown
  // /console/… page highlights nothing; a page off the sidebar (a complaint) highlights the
  // sidebar page it sits under (the complaint list).
  const match = NAV_PAGES.find((item) =>
    item.path === '/console'
      ? pathname === item.path || pathname === `${item.path}/`
      : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  return match?.path ?? '';
}

export default function ConsoleLayout() {
  const { t } = useTranslation();
  const { session, loading, error, retry, can } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout('/console/login');
  const [collapsed, setCollapsed] = useState(false);

  if (loading) return <PageSpin />;
  if (!session) {
    if (error) {
      return (
        <BareFrame>
          <ErrorResult error={error} onRetry={retry} />
        </BareFrame>
      );
    }
    return <Navigate to={loginPath('/console/login', location)} replace />;
  }
  if (!can('console.access')) return <ConsoleForbiddenPage />;

  const items: MenuProps['items'] = NAV_PAGES.filter((item) => can(item.permission)).map(
    (item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) }),
  );

  const onLogout = () => logout.mutate();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        trigger={null}
        width={220}
        collapsedWidth={64}
      >
        <div className="console-logo">
          <BrandMark size={28} />
          {!collapsed && <span>{t('console.brand')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[selectedKey(location.pathname)]}
          onClick={({ key }) => void navigate(key)}
          data-testid="console-menu"
        />
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="console-header">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            aria-label={collapsed ? t('console.expandMenu') : t('console.collapseMenu')}
          />
          <div className="console-header-right">
            <NotificationBell variant="console" />
            <span className="console-user" data-testid="console-user">
              <span className="console-user-name">{session.user.name}</span>
              <RoleTag role={session.user.role} />
            </span>
            <LanguageSwitch />
            <Button
              type="text"
              icon={<LogoutOutlined />}
              onClick={onLogout}
              loading={logout.isPending}
              data-testid="console-logout"
              aria-label={t('auth.logout')}
            >
              <span className="console-logout-text">{t('auth.logout')}</span>
            </Button>
          </div>
        </Layout.Header>
        <Layout.Content className="console-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
