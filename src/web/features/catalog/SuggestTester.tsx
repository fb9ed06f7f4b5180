// Lets staff try the type suggester with a complainant's words, to see what the keywords do
// before and after editing them.
import { Alert, Card, Input, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { useTypeSuggestions } from './api';

export function SuggestTester() {
  const { t } = useTranslation();
  const local = useLocalText();
  const [q, setQ] = useState('');
  const suggestions = useTypeSuggestions(q);

  return (
    <Card
      title={t('catalogAdmin.tester.title')}
      style={{ marginTop: 16 }}
      data-testid="suggest-tester"
    >
      <Typography.Paragraph type="secondary">{t('catalogAdmin.tester.intro')}</Typography.Paragraph>
      <Input.Search
        allowClear
        maxLength={200}
        enterButton={t('catalogAdmin.tester.try')}
        placeholder={t('catalogAdmin.tester.placeholder')}
        onSearch={(value) => setQ(value)}
        loading={suggestions.isFetching}
        style={{ maxWidth: 560 }}
        data-testid="suggest-input"
      />
      {suggestions.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(suggestions.error, t)}
          style={{ marginTop: 12 }}
        />
      )}
      {suggestions.data && (
        <ol className="catalog-suggestions" data-testid="suggest-results">
          {suggestions.data.length === 0 && (
            <Typography.Text type="secondary">{t('catalogAdmin.tester.none')}</Typography.Text>
          )}
          {suggestions.data.map((s) => (
            <li key={s.typeCode}>
              <span className="catalog-suggestion-name">
                {local(s.typeName)}
                <Typography.Text type="secondary"> · {local(s.categoryName)}</Typography.Text>
              </span>
              <Progress
                percent={Math.round(s.score * 100)}
                size="small"
                style={{ width: 180, margin: 0 }}
              />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
