// Complainant portal frame: top bar (with nav on desktop), bottom tab bar on phones.
import { HomeOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { BrandMark } from '../../shared/BrandMark';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { useAuth } from '../auth';

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
            <NavLink to="/scope">{t('nav.scope')}</NavLink>
            <NavLink to={meTarget} className={meActive ? 'active' : ''}>
              {meLabel}
            </NavLink>
          </nav>
          <div className="portal-header-tools">
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
        <NavLink to="/scope">
          <ProfileOutlined />
          <span>{t('nav.scope')}</span>
        </NavLink>
        <NavLink to="/me" className={meActive ? 'active' : ''}>
          <UserOutlined />
          <span>{t('nav.me')}</span>
        </NavLink>
      </nav>
    </div>
  );
}
