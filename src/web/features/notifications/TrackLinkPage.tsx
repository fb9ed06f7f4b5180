// /t/:token — the page the signed link in an SMS or email opens: the complaint's progress without
// logging in, drawn by the same view as 进度查询. A link we did not sign (or that was altered) or
// one past its 90 days gets a plain explanation and the two ways in that still work.
import {
  ClockCircleOutlined,
  DisconnectOutlined,
  LoginOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { LinkButton } from '../../shared/LinkButton';
import { ComplaintView } from '../complaints/components/ComplaintView';
import { useTrackLink } from './api';
import '../complaints/complaints.css';
import './notifications.css';

const LINK_PROBLEMS = ['link_invalid', 'link_expired'];

function LinkProblem({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const expired = error.code === 'link_expired';
  return (
    <div data-testid="link-problem" data-code={error.code}>
      <Result
        icon={
          expired ? (
            <ClockCircleOutlined style={{ color: '#d48806' }} />
          ) : (
            <DisconnectOutlined style={{ color: '#8c8c8c' }} />
          )
        }
        title={t(expired ? 'notifications.link.expiredTitle' : 'notifications.link.invalidTitle')}
        subTitle={
          <>
            <div>{errorMessage(error, t)}</div>
            <div className="nt-link-hint">{t('notifications.link.numberHint')}</div>
          </>
        }
        extra={
          <div className="nt-link-actions">
            <LinkButton
              to="/login"
              type="primary"
              size="large"
              icon={<LoginOutlined />}
              data-testid="link-login"
            >
              {t('notifications.link.login')}
            </LinkButton>
            <LinkButton to="/track" size="large" icon={<SearchOutlined />} data-testid="link-track">
              {t('notifications.link.track')}
            </LinkButton>
          </div>
        }
      />
    </div>
  );
}

export default function TrackLinkPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const query = useTrackLink(token);

  if (query.isError) {
    const error = query.error;
    if (error instanceof ApiError && LINK_PROBLEMS.includes(error.code)) {
      return <LinkProblem error={error} />;
    }
    return <ErrorResult error={error} onRetry={() => void query.refetch()} />;
  }
  return (
    <div>
      <Typography.Title level={3} className="page-title">
        {t('notifications.link.title')}
      </Typography.Title>
      <div className="page-intro">{t('notifications.link.intro')}</div>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <ComplaintView complaint={query.data} readOnly />
      )}
    </div>
  );
}
