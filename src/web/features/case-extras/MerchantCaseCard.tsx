// PLACEHOLDER — replaced by the issue 4 console work.
import type { ComplaintDetail } from '../../app/types';

export interface CaseCardProps {
  complaint: ComplaintDetail;
  /** Called after a change so the page reloads the complaint. */
  onChanged: () => void;
}

export function MerchantCaseCard(_props: CaseCardProps) {
  return null;
}
