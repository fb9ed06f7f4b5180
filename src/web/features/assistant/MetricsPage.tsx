// 客服数据 (/console/assistant/metrics): how the assistant does — how often it answers, how often
// it hands over and why, what people think of its answers — and what to teach it next: the
// questions it could not answer (one click opens a new entry with the question filled in) and
// the entries used most.
import { DislikeOutlined, LikeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Segmented, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { QueryState } from '../../shared/QueryState';
import { useFormatDateTime } from '../../shared/text';
import { useKbList, useMetrics, type HandoffReason, type KbInput, type Metrics } from './api';
import { KbEditor } from './KbEditor';
import './console.css';

const DAYS = [7, 30, 90] as const;
const REASONS: HandoffReason[] = ['unresolved', 'request', 'emotion'];
const REASON_COLOUR: Record<HandoffReason, string> = {
  unresolved: '#faad14',
  request: '#1f5fbf',
  emotion: '#cf1322',
};

const pct = (rate: number) => Math.round(rate * 1000) / 10;

function Figures({ m }: { m: Metrics }) {
  const { t } = useTranslation();
  const p = 'assistant.metrics';
  const rated = m.feedback.up + m.feedback.down;
  return (
    <div className="am-cards" data-testid="metrics-cards">
      <Card size="small">
        <Statistic title={t(`${p}.conversations`)} value={m.conversations} />
        <div className="am-sub">{t(`${p}.personMessages`, { count: m.personMessages })}</div>
      </Card>
      <Card size="small" data-testid="metric-answered">
        <Statistic title={t(`${p}.answeredRate`)} value={pct(m.answeredRate)} suffix="%" />
        <div className="am-sub">
          {t(`${p}.answeredSub`, {
            answered: m.answered,
            clarified: m.clarified,
            unmatched: m.unmatched,
          })}
        </div>
      </Card>
      <Card size="small" data-testid="metric-handoff">
        <Statistic title={t(`${p}.handoffRate`)} value={pct(m.handoffRate)} suffix="%" />
        <div className="am-sub">{t(`${p}.handoffSub`, { count: m.handoffs })}</div>
      </Card>
      <Card size="small" data-testid="metric-satisfaction">
        <Statistic
          title={t(`${p}.satisfaction`)}
          value={rated ? pct(m.feedback.rate) : '—'}
          suffix={rated ? '%' : undefined}
        />
        <div className="am-sub am-thumbs">
          <span>
            <LikeOutlined /> {m.feedback.up}
          </span>
          <span>
            <DislikeOutlined /> {m.feedback.down}
          </span>
        </div>
      </Card>
    </div>
  );
}

export default function MetricsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const formatDateTime = useFormatDateTime();
  const [days, setDays] = useState<number>(30);
  const metrics = useMetrics(days);
  const canManage = can('assistant.kb.manage');
  const kb = useKbList({ page: 1, pageSize: 1 });
  const [prefill, setPrefill] = useState<Partial<KbInput> | null>(null);
  const p = 'assistant.metrics';

  return (
    <div data-testid="metrics-page">
      <div className="ac-title-row">
        <Typography.Title level={3} className="page-title">
          {t('assistant.nav.metrics')}
        </Typography.Title>
        <Segmented
          value={days}
          onChange={(value) => setDays(Number(value))}
          options={DAYS.map((d) => ({ value: d, label: t(`${p}.days`, { count: d }) }))}
          data-testid="metrics-days"
        />
      </div>
      <QueryState query={metrics} rows={8}>
        {(m) => {
          const handoffs = REASONS.reduce((sum, r) => sum + (m.handoffReasons[r] ?? 0), 0);
          return (
            <>
              <Figures m={m} />
              <div className="am-grid">
                <Card title={t(`${p}.reasons`)} size="small" data-testid="metrics-reasons">
                  {REASONS.map((r) => {
                    const n = m.handoffReasons[r] ?? 0;
                    return (
                      <div className="am-reason" key={r}>
                        <div className="am-reason-head">
                          <span>{t(`assistant.reason.${r}`)}</span>
                          <span>{t(`${p}.times`, { count: n })}</span>
                        </div>
                        <Progress
                          percent={handoffs ? Math.round((n / handoffs) * 100) : 0}
                          strokeColor={REASON_COLOUR[r]}
                          status="normal"
                          size="small"
                        />
                      </div>
                    );
                  })}
                </Card>
                <Card title={t(`${p}.topUnmatched`)} size="small">
                  <Table
                    rowKey="text"
                    size="small"
                    dataSource={m.topUnmatched}
                    pagination={false}
                    locale={{ emptyText: t(`${p}.noUnmatched`) }}
                    data-testid="metrics-unmatched"
                    columns={[
                      { title: t(`${p}.question`), dataIndex: 'text' },
                      { title: t(`${p}.count`), dataIndex: 'count', width: 70, align: 'right' },
                      {
                        title: t(`${p}.lastAt`),
                        dataIndex: 'lastAt',
                        width: 150,
                        render: (at: string) => (
                          <span className="kb-nowrap">{formatDateTime(at)}</span>
                        ),
                      },
                      ...(canManage
                        ? [
                            {
                              title: '',
                              key: 'add',
                              width: 130,
                              render: (_: unknown, row: { text: string }) => (
                                <Button
                                  size="small"
                                  icon={<PlusOutlined />}
                                  onClick={() => setPrefill({ question: row.text })}
                                  data-testid="metrics-add-to-kb"
                                >
                                  {t(`${p}.addToKb`)}
                                </Button>
                              ),
                            },
                          ]
                        : []),
                    ]}
                  />
                </Card>
              </div>
              <Card title={t(`${p}.topEntries`)} size="small">
                <Table
                  rowKey="entryId"
                  size="small"
                  dataSource={m.topEntries}
                  pagination={false}
                  data-testid="metrics-entries"
                  columns={[
                    {
                      title: t('assistant.kb.field.id'),
                      dataIndex: 'entryId',
                      width: 180,
                      render: (id: string) => <span className="kb-id">{id}</span>,
                    },
                    { title: t('assistant.kb.field.question'), dataIndex: 'question' },
                    { title: t(`${p}.used`), dataIndex: 'count', width: 100, align: 'right' },
                  ]}
                />
              </Card>
            </>
          );
        }}
      </QueryState>
      {canManage && (
        <KbEditor
          open={prefill !== null}
          entry={null}
          prefill={prefill ?? undefined}
          categories={kb.data?.categories.map((c) => c.name) ?? []}
          onClose={() => setPrefill(null)}
        />
      )}
    </div>
  );
}
