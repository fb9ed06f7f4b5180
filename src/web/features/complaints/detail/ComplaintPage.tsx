// /complaints/:number — the complainant's own complaint, with what they may do now.
import { LeftOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ComplaintDetail } from '../../../app/types';
import { QueryState } from '../../../shared/QueryState';
import { useComplaint } from '../api';
import { ComplaintView } from '../components/ComplaintView';
import { RequireComplainant } from '../RequireComplainant';
import { ComplaintDocuments } from '../../notifications/ComplaintDocuments';
import { PressCard } from '../../sla/PressCard';
import { AppealCard } from './AppealCard';
import { EvidenceUploader } from './EvidenceUploader';
import { MaterialsCard } from './MaterialsCard';
import { RatingCard } from './RatingCard';
import { RemedyCards } from './RemedyCard';
import '../complaints.css';

function Actions({ complaint }: { complaint: ComplaintDetail }) {
  const materials =
    complaint.status === 'awaiting_materials' ? complaint.openMaterialRequest : null;
  const canAppeal = complaint.allowedActions.includes('appeal');
  return (
    <>
      <RemedyCards complaint={complaint} />
      {materials && <MaterialsCard number={complaint.number} request={materials} />}
      <PressCard complaint={complaint} />
      {canAppeal && <AppealCard complaint={complaint} />}
      {(complaint.canRate || complaint.rating) && <RatingCard complaint={complaint} />}
      <ComplaintDocuments complaint={complaint} />
    </>
  );
}

/** Materials and appeals carry their own uploads; a third upload box would only confuse. */
function generalUpload(complaint: ComplaintDetail): boolean {
  return (
    complaint.canUploadEvidence &&
    complaint.status !== 'awaiting_materials' &&
    !complaint.allowedActions.includes('appeal')
  );
}

function Page({ number }: { number: string }) {
  const { t } = useTranslation();
  const query = useComplaint(number);
  return (
    <div>
      <Link to="/complaints" className="cx-back">
        <LeftOutlined /> {t('portalComplaints.list.title')}
      </Link>
      <Typography.Title level={3} className="page-title">
        {t('portalComplaints.view.title')}
      </Typography.Title>
      <QueryState query={query} rows={8}>
        {(complaint) => (
          <ComplaintView
            complaint={complaint}
            actions={<Actions complaint={complaint} />}
            evidenceExtra={
              generalUpload(complaint) ? <EvidenceUploader complaint={complaint} /> : undefined
            }
          />
        )}
      </QueryState>
    </div>
  );
}

export default function ComplaintPage() {
  const { number = '' } = useParams();
  return (
    <RequireComplainant>
      <Page number={number} />
    </RequireComplainant>
  );
}
