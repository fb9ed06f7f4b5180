// A minimal page frame (brand + language switch) for pages outside the console layout.
import { Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';

export function BareFrame({ children, center = false }: { children: ReactNode; center?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="console-login">
      <div className="console-login-top">
        <Link to="/" style={{ color: 'inherit' }}>
          <Space>
            <BrandMark />
            <strong>{t('app.title')}</strong>
          </Space>
        </Link>
        <LanguageSwitch />
      </div>
      {center ? <div className="console-login-body">{children}</div> : children}
    </div>
  );
}
