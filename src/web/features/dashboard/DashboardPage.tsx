// 工作台: who you are, what the system is, and what you may do here.
import { CheckCircleFilled, UserOutlined } from '@ant-design/icons';
import { Avatar, Card, Col, Descriptions, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { QueryState } from '../../shared/QueryState';
import { RoleTag } from '../../shared/RoleTag';
import { useFormatDateTime } from '../../shared/text';
import { useSystemInfo } from './api';
import { OpenComplaintsCard } from './OpenComplaintsCard';

function WelcomeCard() {
  const { t } = useTranslation();
  const { session } = useAuth();
  if (!session) return null;
  const { user } = session;
  return (
    <Card data-testid="welcome-card">
      <Space size={16} align="center">
        <Avatar size={56} icon={<UserOutlined />} style={{ background: '#1f5fbf' }} />
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('dashboard.welcome', { name: user.name })}
          </Typography.Title>
          <Space size={8} style={{ marginTop: 6 }} wrap>
            <RoleTag role={user.role} />
            {user.email && <Typography.Text type="secondary">{user.email}</Typography.Text>}
          </Space>
        </div>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0' }}>
        {t(`dashboard.roleIntro.${user.role}`, { defaultValue: '' })}
      </Typography.Paragraph>
    </Card>
  );
}

function SystemCard() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const formatDateTime = useFormatDateTime();
  return (
    <Card title={t('dashboard.systemTitle')} data-testid="system-card">
      <QueryState query={info} rows={4}>
        {(data) => (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={8}>
                <Statistic title={t('dashboard.countUsers')} value={data.counts.users} />
              </Col>
              <Col span={8}>
                <Statistic title={t('dashboard.countCategories')} value={data.counts.categories} />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('dashboard.countProblemTypes')}
                  value={data.counts.problemTypes}
                />
              </Col>
            </Row>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'version', label: t('dashboard.version'), children: data.version },
                { key: 'db', label: t('dashboard.db'), children: t(`dashboard.dbKind.${data.db}`) },
                {
                  key: 'startedAt',
                  label: t('dashboard.startedAt'),
                  children: formatDateTime(data.startedAt),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}

function PermissionsCard() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const permissions = session?.permissions ?? [];
  return (
    <Card title={t('dashboard.permissionsTitle')} data-testid="permissions-card">
      {permissions.length === 0 ? (
        <Typography.Text type="secondary">{t('dashboard.noPermissions')}</Typography.Text>
      ) : (
        <ul className="perm-list">
          {permissions.map((permission) => (
            <li key={permission}>
              <CheckCircleFilled style={{ color: '#52c41a' }} />
              <span>{t(`permission.${permission}`, { defaultValue: permission })}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const showSystem = can('system.info');
  const showComplaints = can('complaints.read');
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('console.nav.dashboard')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={showSystem ? 14 : 24}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <WelcomeCard />
            {showComplaints && <OpenComplaintsCard />}
            <PermissionsCard />
          </Space>
        </Col>
        {showSystem && (
          <Col xs={24} xl={10}>
            <SystemCard />
          </Col>
        )}
      </Row>
    </div>
  );
}
