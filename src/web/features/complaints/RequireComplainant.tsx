// Portal pages that belong to a logged-in complainant: others are sent to log in and brought
// back; staff are pointed to the console, where they file on a caller's behalf.
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../../app/auth';
import { ErrorResult } from '../../shared/ErrorResult';
import { LinkButton } from '../../shared/LinkButton';
import { PageSpin } from '../../shared/PageSpin';
import { loginPath } from '../../shared/redirect';

export function RequireComplainant({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session, loading, error, retry } = useAuth();
  const location = useLocation();
  if (loading) return <PageSpin />;
  if (!session) {
    if (error) return <ErrorResult error={error} onRetry={retry} />;
    return <Navigate to={loginPath('/login', location)} replace />;
  }
  if (session.user.role !== 'complainant') {
    return (
      <Result
        status="info"
        title={t('portalComplaints.staffTitle')}
        subTitle={t('portalComplaints.staffText')}
        extra={
          <LinkButton to="/console" type="primary">
            {t('common.goConsole')}
          </LinkButton>
        }
      />
    );
  }
  return <>{children}</>;
}
