// "退款 ¥12.50", "补发商品": a merchant's remedy in the complainant's words.
import { useTranslation } from 'react-i18next';
import type { Remedy } from '../../../app/types';

export function useRemedyLabel(): (remedy: Pick<Remedy, 'kind' | 'amount'>) => string {
  const { t } = useTranslation();
  return (remedy) => {
    const kind = t(`portalComplaints.remedy.kind.${remedy.kind}`);
    return remedy.amount ? `${kind} ¥${remedy.amount}` : kind;
  };
}
