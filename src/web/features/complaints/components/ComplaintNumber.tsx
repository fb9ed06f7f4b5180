import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The complaint number, large and copyable: people read it out on the phone and paste it. */
export function ComplaintNumber({
  number,
  size = 'large',
}: {
  number: string;
  size?: 'large' | 'normal';
}) {
  const { t } = useTranslation();
  return (
    <Typography.Text
      className={size === 'large' ? 'cx-number cx-number-large' : 'cx-number'}
      copyable={{ text: number, tooltips: [t('common.copy'), t('common.copied')] }}
      data-testid="complaint-number"
    >
      {number}
    </Typography.Text>
  );
}
