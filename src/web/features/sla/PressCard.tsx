// 催办 in the portal: the complainant presses for progress on an open complaint, once every 48 h.
// Otherwise the button waits, saying when it may be pressed again; a refusal (pressed elsewhere
// meanwhile) shows the server's words.
import { BellOutlined, CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDetail } from '../../app/types';
import { OPEN_STATUSES } from '../../app/types';
import { errorMessage } from '../../shared/formErrors';
import { useFormatDateTime } from '../../shared/text';
import { usePress } from './api';
import './clocks.css';

export function PressCard({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const press = usePress(complaint.number);
  const [done, setDone] = useState(false);
  const state = complaint.press;
  const p = 'slaClocks.portal.press';
  if (!state || !OPEN_STATUSES.includes(complaint.status)) return null;

  const refusal = press.isError ? errorMessage(press.error, t) : null;
  return (
    <Card size="small" title={t(`${p}.title`)} data-testid="press-card">
      <div className="slc-portal-press">
        <div className="slc-portal-press-help">{t(`${p}.help`)}</div>
        {done && !press.isError && (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleFilled />}
            title={t(`${p}.done`)}
            data-testid="press-done"
          />
        )}
        {refusal && <Alert type="warning" showIcon title={refusal} data-testid="press-refused" />}
        {state.count > 0 && (
          <div className="slc-portal-press-state" data-testid="press-count">
            {t(`${p}.count`, {
              count: state.count,
              time: formatDateTime(state.lastAt),
            })}
          </div>
        )}
        <Button
          block
          size="large"
          type={state.canPress ? 'primary' : 'default'}
          icon={<BellOutlined />}
          disabled={!state.canPress}
          loading={press.isPending}
          onClick={() =>
            press.mutate(undefined, {
              onSuccess: () => setDone(true),
              onError: () => setDone(false),
            })
          }
          data-testid="press-button"
        >
          {t(`${p}.button`)}
        </Button>
        {!state.canPress && state.nextAllowedAt && (
          <div className="slc-portal-press-state" data-testid="press-next">
            {t(`${p}.next`, { time: formatDateTime(state.nextAllowedAt) })}
          </div>
        )}
      </div>
    </Card>
  );
}
