// Portal home: what Redress is, the ways in (file, my complaints, track, the assistant), and the
// scope summary. On a phone the assistant also floats above the tab bar.
import {
  CommentOutlined,
  EditOutlined,
  FileSearchOutlined,
  RightOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Card, Skeleton, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { LinkButton } from '../../shared/LinkButton';
import { QueryState } from '../../shared/QueryState';
import { useLocalText } from '../../shared/text';
import { useCatalog } from '../catalog/api';
import './home.css';

interface Entry {
  key: string;
  icon: ReactNode;
  /** Where it leads; entries without one are not open yet. */
  to?: string;
}

const ENTRIES: Entry[] = [
  { key: 'file', icon: <EditOutlined />, to: '/file' },
  { key: 'mine', icon: <UnorderedListOutlined />, to: '/complaints' },
  { key: 'track', icon: <FileSearchOutlined />, to: '/track' },
  { key: 'assistant', icon: <CommentOutlined />, to: '/assistant' },
];

function EntryCard({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const body = (
    <>
      <div className="entry-card-icon">{entry.icon}</div>
      <div className="entry-card-title">{t(`home.entry.${entry.key}.title`)}</div>
      <div className="entry-card-desc">{t(`home.entry.${entry.key}.desc`)}</div>
    </>
  );
  if (entry.to) {
    return (
      <Link to={entry.to} className="entry-card entry-card-open" data-testid={`entry-${entry.key}`}>
        {body}
      </Link>
    );
  }
  return (
    <div className="entry-card" aria-disabled="true">
      <Tag className="entry-card-tag" color="default">
        {t('common.comingSoon')}
      </Tag>
      {body}
    </div>
  );
}

function AccountEntry() {
  const { t } = useTranslation();
  const { session, loading } = useAuth();
  if (loading) return <Skeleton.Button active size="small" />;
  if (!session) {
    return (
      <Space wrap>
        <LinkButton to="/login" size="large" style={{ fontWeight: 500 }}>
          {t('home.loginCta')}
        </LinkButton>
        <span className="hero-hint">{t('home.loginHint')}</span>
      </Space>
    );
  }
  if (session.user.role !== 'complainant') {
    return (
      <Space wrap>
        <span className="hero-hint">{t('home.staffHello', { name: session.user.name })}</span>
        <LinkButton to="/console" size="large">
          {t('common.goConsole')}
        </LinkButton>
      </Space>
    );
  }
  return (
    <Space wrap>
      <span className="hero-hint">{t('home.hello', { name: session.user.name })}</span>
      <LinkButton to="/file" size="large" icon={<EditOutlined />} style={{ fontWeight: 500 }}>
        {t('home.entry.file.title')}
      </LinkButton>
    </Space>
  );
}

function ScopeSummary() {
  const { t } = useTranslation();
  const local = useLocalText();
  const catalog = useCatalog();
  return (
    <Card
      title={t('home.scopeTitle')}
      extra={
        <Link to="/scope">
          {t('home.scopeAll')} <RightOutlined />
        </Link>
      }
      data-testid="scope-summary"
    >
      <QueryState query={catalog} rows={3}>
        {(categories) => (
          <div className="scope-grid">
            {categories.map((category) => (
              <Link
                key={category.code}
                to={`/scope?open=${encodeURIComponent(category.code)}`}
                className={category.accepted ? 'scope-tile' : 'scope-tile scope-tile-refused'}
              >
                <div className="scope-tile-name">{local(category.name)}</div>
                <div className="scope-tile-meta">
                  {category.accepted
                    ? t('scope.typeCount', { count: category.types.length })
                    : t('scope.notAccepted')}
                </div>
              </Link>
            ))}
          </div>
        )}
      </QueryState>
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  return (
    <div className="home-with-fab">
      <section className="hero">
        <h1>{t('app.title')}</h1>
        <p>{t('home.intro')}</p>
        <AccountEntry />
      </section>
      <div className="entry-grid" data-testid="entry-grid">
        {ENTRIES.map((entry) => (
          <EntryCard key={entry.key} entry={entry} />
        ))}
      </div>
      <ScopeSummary />
      <Link
        to="/assistant"
        className="assistant-fab"
        aria-label={t('assistant.home.fab')}
        data-testid="assistant-fab"
      >
        <CommentOutlined />
        <span>{t('assistant.nav.entry')}</span>
      </Link>
    </div>
  );
}
