import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ComplaintSummary } from '../../../app/types';
import { PriorityTag } from '../../../shared/PriorityTag';
import { useFormatDateTime, useLocalText } from '../../../shared/text';
import { StatusTag } from '../components/StatusTag';

/** One complaint in 我的投诉: a whole-card link, its edge coloured by priority. */
export function ComplaintCard({ complaint }: { complaint: ComplaintSummary }) {
  const local = useLocalText();
  const formatTime = useFormatDateTime();
  return (
    <Link
      to={`/complaints/${encodeURIComponent(complaint.number)}`}
      className={`cx-card cx-card-${complaint.priority}`}
      data-testid="complaint-card"
    >
      <div className="cx-card-row">
        <span className="cx-number">{complaint.number}</span>
        <StatusTag status={complaint.status} />
      </div>
      <div className="cx-card-type">
        {local(complaint.typeName)}
        <span className="cx-muted"> · {local(complaint.categoryName)}</span>
      </div>
      <div className="cx-card-desc">{complaint.description}</div>
      <div className="cx-card-row cx-muted">
        <span>{formatTime(complaint.createdAt)}</span>
        <span className="cx-card-end">
          <PriorityTag priority={complaint.priority} />
          <RightOutlined />
        </span>
      </div>
    </Link>
  );
}
