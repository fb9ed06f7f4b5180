// 测试: what the assistant would do with a question, before anyone asks it for real — answer,
// ask which one was meant, or admit it does not know; with the entries it weighed, how sure it
// was, the words it saw and the emotion it heard.
import { Card, Descriptions, Empty, Input, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { EMOTIONS, useKbTest, type KbTestResult } from './api';
import { EMOTION_HEX, EmotionTag } from './tags';

const DECISION_COLOUR: Record<KbTestResult['decision'], string> = {
  answer: 'green',
  clarify: 'orange',
  none: 'default',
};

const pct = (n: number) => Math.round(n * 100);

function Outcome({ result }: { result: KbTestResult }) {
  const { t } = useTranslation();
  const p = 'assistant.kb.test';
  return (
    <div className="kb-test-grid" data-testid="kb-test-result" data-decision={result.decision}>
      <Card title={t(`${p}.match`)} size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t(`${p}.decision`)}>
            <Tag color={DECISION_COLOUR[result.decision]} data-testid="kb-test-decision">
              {t(`${p}.decisions.${result.decision}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t(`${p}.best`)}>
            {result.best ? (
              <span data-testid="kb-test-best">
                <span className="kb-id">{result.best.entryId}</span> {result.best.question}
              </span>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          {result.best && (
            <Descriptions.Item label={t(`${p}.confidence`)}>
              <Progress
                percent={pct(result.best.confidence)}
                size="small"
                style={{ width: 200, margin: 0 }}
              />
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Text type="secondary">{t(`${p}.candidates`)}</Typography.Text>
        {result.candidates.length === 0 ? (
          <div className="kb-muted">{t(`${p}.noCandidates`)}</div>
        ) : (
          <ol style={{ paddingLeft: 20, margin: '6px 0 0' }} data-testid="kb-test-candidates">
            {result.candidates.map((c) => (
              <li key={c.entryId} style={{ marginBottom: 6 }}>
                <span className="kb-id">{c.entryId}</span> {c.question}{' '}
                <Tag bordered={false}>{pct(c.confidence)}%</Tag>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card title={t(`${p}.understanding`)} size="small">
        <Typography.Text type="secondary">{t(`${p}.tokens`)}</Typography.Text>
        <div className="kb-tokens" style={{ margin: '6px 0 14px' }} data-testid="kb-test-tokens">
          {result.tokens.map((token, i) => (
            <Tag key={`${token}-${i}`}>{token}</Tag>
          ))}
        </div>
        <Typography.Text type="secondary">{t(`${p}.emotion`)}</Typography.Text>{' '}
        <EmotionTag label={result.emotion.label} />
        <div style={{ marginTop: 8 }} data-testid="kb-test-emotion">
          {EMOTIONS.map((e) => (
            <div className="kb-score-row" key={e}>
              <span>{t(`assistant.emotion.${e}`)}</span>
              <Progress
                percent={pct(result.emotion.scores[e] ?? 0)}
                size="small"
                strokeColor={EMOTION_HEX[e]}
                showInfo={false}
                style={{ margin: 0 }}
              />
              <span className="kb-score-pct">{pct(result.emotion.scores[e] ?? 0)}%</span>
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}

export function KbTest() {
  const { t } = useTranslation();
  const test = useKbTest();
  const p = 'assistant.kb.test';
  return (
    <div data-testid="kb-test">
      <Typography.Paragraph type="secondary">{t(`${p}.intro`)}</Typography.Paragraph>
      <Input.Search
        enterButton={t(`${p}.run`)}
        placeholder={t(`${p}.placeholder`)}
        onSearch={(text) => text.trim() && test.mutate(text.trim())}
        loading={test.isPending}
        maxLength={500}
        style={{ maxWidth: 640 }}
        data-testid="kb-test-input"
      />
      {test.isError ? (
        <ErrorResult error={test.error} />
      ) : test.data ? (
        <Outcome result={test.data} />
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t(`${p}.empty`)}
          style={{ marginTop: 32 }}
        />
      )}
    </div>
  );
}
