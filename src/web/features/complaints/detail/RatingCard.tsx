// 评价: 1–5 stars and a comment, once, after the result; shown as given afterwards.
import { LikeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Rate } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../../app/types';
import { errorMessage } from '../../../shared/formErrors';
import { useFormatDateTime } from '../../../shared/text';
import { useRate } from '../api';

/** The server's limit for a rating comment (RatingBody). */
const COMMENT_MAX = 200;

export function RatingCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatTime = useFormatDateTime();
  const p = 'portalComplaints.rating';
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const rate = useRate(complaint.number);
  const given = complaint.rating;
  const labels = [1, 2, 3, 4, 5].map((n) => t(`${p}.score${n}`));

  const title = (
    <span className="cx-card-title">
      <LikeOutlined /> {t(given ? `${p}.givenTitle` : `${p}.title`)}
    </span>
  );
  if (given) {
    return (
      <Card title={title} className="cx-action-card" data-testid="rating-given">
        <Rate disabled value={given.score} />
        <span className="cx-rate-label">{labels[given.score - 1]}</span>
        {given.comment && <div className="cx-opinion-text cx-gap">{given.comment}</div>}
        <div className="cx-muted cx-gap">{t(`${p}.givenAt`, { time: formatTime(given.at) })}</div>
      </Card>
    );
  }

  const submit = () =>
    rate.mutate(
      { score, comment: comment.trim() || undefined },
      { onSuccess: () => void message.success(t(`${p}.done`)) },
    );

  return (
    <Card title={title} className="cx-action-card" data-testid="rating-card">
      <div className="cx-muted">{t(`${p}.intro`)}</div>
      <div className="cx-gap">
        <Rate value={score} onChange={setScore} tooltips={labels} style={{ fontSize: 30 }} />
        {score > 0 && <span className="cx-rate-label">{labels[score - 1]}</span>}
      </div>
      <Input.TextArea
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t(`${p}.commentPlaceholder`)}
        maxLength={COMMENT_MAX}
        showCount
        autoSize={{ minRows: 2, maxRows: 5 }}
        className="cx-gap"
        data-testid="rating-comment"
      />
      {rate.isError && (
        <Alert type="error" showIcon title={errorMessage(rate.error, t)} className="cx-gap" />
      )}
      <Button
        type="primary"
        size="large"
        block
        disabled={score === 0}
        loading={rate.isPending}
        onClick={submit}
        className="cx-gap"
        data-testid="rating-submit"
      >
        {t(`${p}.submit`)}
      </Button>
    </Card>
  );
}
