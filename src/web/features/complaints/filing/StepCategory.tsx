// Step ①: the category. A category we do not accept (judicial claims) shows where to go instead.
import { RightOutlined, StopOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Category } from '../../../app/types';
import { useLocalText } from '../../../shared/text';
import { RefusalNotice } from '../../catalog/RefusalNotice';

interface Props {
  categories: readonly Category[];
  selected: string | null;
  onSelect: (category: Category) => void;
}

/** The guidance, scrolled into view: the refused category is usually last in the list. */
function Refusal({ category }: { category: Category }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After the wizard's own scroll-to-top on a step change, which runs after this effect.
    const timer = window.setTimeout(
      () => ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
      50,
    );
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div className="cx-refusal" data-testid="refusal-notice" ref={ref}>
      <RefusalNotice category={category} />
    </div>
  );
}

export function StepCategory({ categories, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const local = useLocalText();
  return (
    <div className="cx-choices" data-testid="step-category">
      <div className="cx-step-lead">{t('portalComplaints.file.categoryLead')}</div>
      {categories.map((category) => {
        const active = category.code === selected;
        const refused = !category.accepted;
        return (
          <div key={category.code} className="cx-choice-wrap">
            <button
              type="button"
              className={`cx-choice${active ? ' cx-choice-active' : ''}${refused ? ' cx-choice-refused' : ''}`}
              onClick={() => onSelect(category)}
              aria-pressed={active}
              data-testid={`category-${category.code}`}
            >
              <span className="cx-choice-body">
                <span className="cx-choice-name">
                  {local(category.name)}
                  {refused && (
                    <Tag icon={<StopOutlined />} style={{ marginInlineStart: 8 }}>
                      {t('scope.notAccepted')}
                    </Tag>
                  )}
                </span>
                <span className="cx-choice-desc">{local(category.description)}</span>
              </span>
              {!refused && <RightOutlined className="cx-choice-arrow" />}
            </button>
            {refused && active && <Refusal category={category} />}
          </div>
        );
      })}
      <Link to="/scope" className="cx-scope-link">
        {t('portalComplaints.file.scopeLink')}
      </Link>
    </div>
  );
}
