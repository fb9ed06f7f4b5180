// 我的状态: in or away. An agent going away (a meeting, leave) sets until when; the assigner gives
// them no new work meanwhile. Shown only to people the assigner knows (agents and experts).
import { CoffeeOutlined, LoginOutlined } from '@ant-design/icons';
import { App, Badge, Button, DatePicker, Popover, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/formErrors';
import { useFormatDateTime } from '../../shared/text';
import { useMyAvailability, useSetMyAvailability } from './api';

/** As the assigner judges it: away from (null: already) until (null: further notice). */
function isAway(absentFrom: string | null, absentUntil: string | null): boolean {
  if (!absentFrom && !absentUntil) return false;
  const now = Date.now();
  const started = !absentFrom || new Date(absentFrom).getTime() <= now;
  const notOver = !absentUntil || now < new Date(absentUntil).getTime();
  return started && notOver;
}

export function MyAvailability() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatDateTime = useFormatDateTime();
  const query = useMyAvailability();
  const save = useSetMyAvailability();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState<Dayjs | null>(null);

  // People without a working profile (e.g. administrators) have nothing to set.
  if (!query.data) return null;
  const { absentFrom, absentUntil } = query.data;
  const away = isAway(absentFrom, absentUntil);
  const later = !away && absentFrom && new Date(absentFrom).getTime() > Date.now();

  const apply = (input: { absentFrom: string | null; absentUntil: string | null }, key: string) =>
    save.mutate(input, {
      onSuccess: () => {
        setOpen(false);
        void message.success(t(key));
      },
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  const picker = (
    <div style={{ width: 280 }} data-testid="availability-form">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('caseWork.availability.hint')}
      </Typography.Paragraph>
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={until}
        onChange={setUntil}
        disabledDate={(day) => day.isBefore(dayjs(), 'day')}
        placeholder={t('caseWork.availability.untilPlaceholder')}
        style={{ width: '100%' }}
        data-testid="availability-until"
      />
      <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 12 }}>
        <Button size="small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
        <Button
          size="small"
          type="primary"
          disabled={!until || !until.isAfter(dayjs())}
          loading={save.isPending}
          onClick={() =>
            until &&
            apply(
              { absentFrom: null, absentUntil: until.toISOString() },
              'caseWork.availability.awaySaved',
            )
          }
          data-testid="availability-save"
        >
          {t('caseWork.availability.save')}
        </Button>
      </Space>
    </div>
  );

  return (
    <Space size={8} data-testid="my-availability" data-away={away ? 'true' : 'false'}>
      <Badge
        status={away ? 'warning' : 'success'}
        text={
          away
            ? absentUntil
              ? t('caseWork.availability.awayUntil', { at: formatDateTime(absentUntil) })
              : t('caseWork.availability.awayOpen')
            : later
              ? t('caseWork.availability.awayFrom', { at: formatDateTime(absentFrom) })
              : t('caseWork.availability.in')
        }
      />
      {away ? (
        <Button
          size="small"
          icon={<LoginOutlined />}
          loading={save.isPending}
          onClick={() =>
            apply({ absentFrom: null, absentUntil: null }, 'caseWork.availability.backSaved')
          }
          data-testid="availability-back"
        >
          {t('caseWork.availability.back')}
        </Button>
      ) : (
        <Popover
          open={open}
          onOpenChange={(next) => {
            if (next) setUntil(dayjs().add(1, 'hour').startOf('hour'));
            setOpen(next);
          }}
          trigger="click"
          title={t('caseWork.availability.title')}
          content={picker}
          placement="bottomRight"
        >
          <Button size="small" icon={<CoffeeOutlined />} data-testid="availability-away">
            {t('caseWork.availability.away')}
          </Button>
        </Popover>
      )}
    </Space>
  );
}
