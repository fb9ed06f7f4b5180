// 快递一级/二级/三级: how far an express complaint has been escalated (三级 copies the postal
// regulator), with the tier's meaning on hover.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXPRESS_TIER_LABELS, type ExpressTier } from '../../../shared/sla';
import { useLocalText } from '../../shared/text';

const COLOURS: Record<ExpressTier, string> = { 1: 'gold', 2: 'orange', 3: 'red' };

export function ExpressTierTag({ tier }: { tier: ExpressTier | null | undefined }) {
  const { t } = useTranslation();
  const local = useLocalText();
  if (!tier) return null;
  return (
    <Tooltip title={local(EXPRESS_TIER_LABELS[tier])}>
      <Tag
        color={COLOURS[tier]}
        variant={tier === 3 ? 'solid' : 'outlined'}
        className="slc-badge"
        data-testid="express-tier"
        data-tier={tier}
      >
        {t(`slaClocks.tier.${tier}`)}
      </Tag>
    </Tooltip>
  );
}
