// Complainant portal frame: top bar (with nav on desktop), bottom tab bar on phones. 受理范围 is
// left out of the tab bar (five tabs is the most a phone takes); home and the wizard link to it.
// 智能客服 is an icon in the header's tools, on every page and every size.
import {
  CustomerServiceOutlined,
  EditOutlined,
  FileSearchOutlined,
  HomeOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { BrandMark } from '../../shared/BrandMark';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { useAuth } from '../auth';
import './portal-nav.css';

export function PortalLayout() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const { pathname } = useLocation();
  // The "我的" tab also covers the login page it leads to when logged out.
  const meActive = pathname === '/me' || pathname === '/login';
  const meLabel = session ? t('nav.me') : t('nav.login');
  const meTarget = session ? '/me' : '/login';

  return (
    <div className="portal">
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/" className="portal-brand" aria-label={t('app.title')}>
            <BrandMark className="portal-brand-mark" />
            <span className="portal-brand-text">{t('app.title')}</span>
          </Link>
          <nav className="portal-topnav" aria-label={t('nav.main')}>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/file">{t('portalComplaints.nav.file')}</NavLink>
            <NavLink to="/complaints">{t('portalComplaints.nav.mine')}</NavLink>
            <NavLink to="/track">{t('portalComplaints.nav.track')}</NavLink>
            <NavLink to="/scope">{t('nav.scope')}</NavLink>
            <NavLink to={meTarget} className={meActive ? 'active' : ''}>
              {meLabel}
            </NavLink>
          </nav>
          <div className="portal-header-tools">
            <Link
              to="/assistant"
              className="portal-assistant-link"
              aria-label={t('assistant.nav.entry')}
              title={t('assistant.nav.entry')}
              data-testid="nav-assistant"
            >
              <CustomerServiceOutlined />
            </Link>
            {/* The bell is the complainant's: staff have theirs in the console. */}
            {session?.user.role === 'complainant' && <NotificationBell variant="portal" />}
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <footer className="portal-footer">{t('app.footer')}</footer>
      <nav className="portal-tabbar" aria-label={t('nav.main')}>
        <NavLink to="/" end>
          <HomeOutlined />
          <span>{t('nav.home')}</span>
        </NavLink>
        <NavLink to="/file">
          <EditOutlined />
          <span>{t('portalComplaints.nav.fileTab')}</span>
        </NavLink>
        <NavLink to="/complaints">
          <UnorderedListOutlined />
          <span>{t('portalComplaints.nav.mineTab')}</span>
        </NavLink>
        <NavLink to="/track">
          <FileSearchOutlined />
          <span>{t('portalComplaints.nav.trackTab')}</span>
        </NavLink>
        <NavLink to="/me" className={meActive ? 'active' : ''}>
          <UserOutlined />
          <span>{t('nav.me')}</span>
        </NavLink>
      </nav>
    </div>
  );
}
