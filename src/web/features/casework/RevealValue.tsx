// A masked personal value (phone, email, name, ID number) with 查看 for staff allowed to see it.
// Seeing the clear value is recorded in the audit log, so the agent confirms first; it stays
// shown only on this page view.
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { errorMessage } from '../../shared/formErrors';
import { useReveal } from './api';

/** Masking writes asterisks (138****8000, 张*, a***@qq.com). */
export function looksMasked(value: string | null | undefined): boolean {
  return Boolean(value && /[*＊]/.test(value));
}

interface Props {
  number: string;
  /** 'contact.phone', 'contact.email', 'contact.name' or 'fields.<key>'. */
  field: string;
  value: string | null | undefined;
  /** What the value is, for the confirmation (fields.<key> have no fixed name). */
  label?: string;
}

export function RevealValue({ number, field, value, label }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const reveal = useReveal(number);
  const [clear, setClear] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const testId = `reveal-${field.replace(/\./g, '-')}`;

  if (!value) return <>—</>;
  if (!looksMasked(value) || !can('pii.reveal')) {
    return <span data-testid={`${testId}-value`}>{value}</span>;
  }

  const onConfirm = () =>
    reveal
      .mutateAsync({ field })
      .then((result) => {
        setClear(result.value);
        setShown(true);
      })
      .catch((error: unknown) => void message.error(errorMessage(error, t)));

  return (
    <span className="cw-reveal">
      <span data-testid={`${testId}-value`} className={shown ? 'cw-revealed' : undefined}>
        {shown && clear !== null ? clear : value}
      </span>
      {shown ? (
        <Tooltip title={t('caseWork.reveal.hide')}>
          <Button
            type="link"
            size="small"
            icon={<EyeInvisibleOutlined />}
            onClick={() => setShown(false)}
            aria-label={t('caseWork.reveal.hide')}
            data-testid={`${testId}-hide`}
          />
        </Tooltip>
      ) : clear !== null ? (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => setShown(true)}
          data-testid={testId}
        >
          {t('caseWork.reveal.show')}
        </Button>
      ) : (
        <Popconfirm
          title={t('caseWork.reveal.confirmTitle', {
            field: t(`caseWork.reveal.field.${field}`, { defaultValue: label ?? field }),
          })}
          description={t('caseWork.reveal.confirm')}
          okText={t('caseWork.reveal.show')}
          cancelText={t('common.cancel')}
          onConfirm={onConfirm}
        >
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            data-testid={testId}
          >
            {t('caseWork.reveal.show')}
          </Button>
        </Popconfirm>
      )}
    </span>
  );
}
