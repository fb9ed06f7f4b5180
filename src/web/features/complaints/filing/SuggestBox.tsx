// "用一句话描述您的问题": suggests problem types from a sentence, so people who do not know our
// categories can start from their own words.
import { BulbOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Input, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypeSuggestion } from '../../../app/types';
import { useLocalText } from '../../../shared/text';
import { useTypeSuggestions } from '../api';

const DEBOUNCE_MS = 350;
const SHOWN = 4;

interface Props {
  onPick: (suggestion: TypeSuggestion, sentence: string) => void;
}

export function SuggestBox({ onPick }: Props) {
  const { t } = useTranslation();
  const local = useLocalText();
  const p = 'portalComplaints.suggest';
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const query = useTypeSuggestions(q);
  const suggestions = (query.data ?? []).slice(0, SHOWN);
  const searched = q.length >= 2 && !query.isFetching;

  return (
    <div className="cx-suggest" data-testid="suggest-box">
      <Input
        size="large"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t(`${p}.placeholder`)}
        prefix={<SearchOutlined />}
        suffix={query.isFetching ? <Spin size="small" /> : undefined}
        aria-label={t(`${p}.placeholder`)}
        data-testid="suggest-input"
      />
      {suggestions.length > 0 && (
        <ul className="cx-suggest-list" data-testid="suggestions">
          <li className="cx-suggest-head">
            <BulbOutlined /> {t(`${p}.heading`)}
          </li>
          {suggestions.map((s) => (
            <li key={s.typeCode}>
              <button type="button" onClick={() => onPick(s, text.trim())}>
                <span>
                  <span className="cx-muted">{local(s.categoryName)} › </span>
                  <strong>{local(s.typeName)}</strong>
                </span>
                <RightOutlined />
              </button>
            </li>
          ))}
        </ul>
      )}
      {searched && query.isSuccess && suggestions.length === 0 && (
        <div className="cx-hint">{t(`${p}.none`)}</div>
      )}
    </div>
  );
}
