// 我的 → 通知设置: which channels tell the complainant about their complaints, each with the
// (masked) address it goes to, and the time zone their SMS quiet hours follow. The bell is
// always on; a channel the platform has no provider for is shown, switched off, as 未开通.
import { BellOutlined, MailOutlined, MessageOutlined, WechatOutlined } from '@ant-design/icons';
import { Alert, App, Card, Select, Skeleton, Switch, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotifyChannel, PreferencesView } from '../../../shared/notifications';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { usePreferences, useSavePreferences, type PreferencesPatch } from './api';
import { zoneOffset } from './format';
import './notifications.css';
import './settings.css';

/** Zones people filing here most often live in; any other saved zone is added to the list. */
const ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
] as const;

type Optional = Exclude<NotifyChannel, 'in_app'>;

interface RowProps {
  icon: ReactNode;
  label: string;
  note: ReactNode;
  control: ReactNode;
  testId: string;
  disabled?: boolean;
}

function Row({ icon, label, note, control, testId, disabled }: RowProps) {
  return (
    <li className={disabled ? 'nt-pref nt-pref-off' : 'nt-pref'} data-testid={testId}>
      <span className="nt-pref-icon">{icon}</span>
      <span className="nt-pref-text">
        <span className="nt-pref-label">{label}</span>
        <span className="nt-pref-note">{note}</span>
      </span>
      <span className="nt-pref-control">{control}</span>
    </li>
  );
}

function ChannelRow({
  channel,
  prefs,
  save,
  saving,
}: {
  channel: Optional;
  prefs: PreferencesView;
  save: (patch: PreferencesPatch) => void;
  saving: boolean;
}) {
  const { t } = useTranslation();
  const p = 'notifications.prefs';
  const icons: Record<Optional, ReactNode> = {
    sms: <MessageOutlined />,
    email: <MailOutlined />,
    wechat: <WechatOutlined />,
  };
  const offered = prefs.available.includes(channel);
  const address = channel === 'sms' ? prefs.phone : channel === 'email' ? prefs.emailAddress : null;
  // Without an address (or a linked WeChat) the switch would promise messages nobody can get.
  const reachable = channel === 'wechat' ? prefs.wechatBound : address !== null;
  let note: ReactNode;
  if (!offered) note = t(`${p}.unavailableHint`);
  else if (channel === 'wechat')
    note = t(prefs.wechatBound ? `${p}.wechatBound` : `${p}.wechatUnbound`);
  else if (address) note = t(`${p}.sendsTo`, { address });
  else note = t(channel === 'sms' ? `${p}.noPhone` : `${p}.noEmail`);
  const usable = offered && reachable;
  return (
    <Row
      icon={icons[channel]}
      label={t(`${p}.${channel}`)}
      note={note}
      disabled={!usable}
      testId={`pref-${channel}`}
      control={
        offered ? (
          <Switch
            checked={usable && prefs[channel]}
            disabled={!usable}
            loading={saving}
            onChange={(on) => save({ [channel]: on })}
            aria-label={t(`${p}.switchLabel`, { channel: t(`${p}.${channel}`) })}
            data-testid={`pref-${channel}-switch`}
          />
        ) : (
          <Tag data-testid={`pref-${channel}-unavailable`}>{t(`${p}.unavailable`)}</Tag>
        )
      }
    />
  );
}

export function NotificationSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const p = 'notifications.prefs';
  const prefs = usePreferences();
  const saveMutation = useSavePreferences();
  const pending = saveMutation.isPending ? saveMutation.variables : undefined;

  const save = (patch: PreferencesPatch) =>
    saveMutation.mutate(patch, {
      onSuccess: () => void message.success(t(`${p}.saved`)),
      onError: (error) => void message.error(errorMessage(error, t)),
    });

  let content: ReactNode;
  if (prefs.isPending) content = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (prefs.isError)
    content = <ErrorResult error={prefs.error} onRetry={() => void prefs.refetch()} />;
  else {
    const data = prefs.data;
    const zones: string[] = ZONES.includes(data.timeZone as (typeof ZONES)[number])
      ? [...ZONES]
      : [data.timeZone, ...ZONES];
    content = (
      <>
        <p className="nt-pref-intro">{t(`${p}.intro`)}</p>
        <ul className="nt-prefs">
          <Row
            icon={<BellOutlined />}
            label={t(`${p}.inApp`)}
            note={t(`${p}.inAppHint`)}
            testId="pref-in_app"
            control={<Tag color="blue">{t(`${p}.alwaysOn`)}</Tag>}
          />
          {(['sms', 'email', 'wechat'] as const).map((channel) => (
            <ChannelRow
              key={channel}
              channel={channel}
              prefs={data}
              save={save}
              saving={pending !== undefined && channel in pending}
            />
          ))}
        </ul>
        <div className="nt-pref-zone">
          <label htmlFor="nt-time-zone" className="nt-pref-label">
            {t(`${p}.timeZone`)}
          </label>
          <Select
            id="nt-time-zone"
            value={data.timeZone}
            onChange={(timeZone: string) => save({ timeZone })}
            loading={pending?.timeZone !== undefined}
            showSearch={{ optionFilterProp: 'label' }}
            options={zones.map((zone) => ({
              value: zone,
              label: `${t(`notifications.zone.${zone}`, { defaultValue: zone })} · ${zoneOffset(zone)}`,
            }))}
            className="nt-pref-zone-select"
            data-testid="pref-time-zone"
          />
          <div className="nt-pref-note">{t(`${p}.timeZoneHint`)}</div>
        </div>
        <Alert type="info" showIcon title={t(`${p}.quietHours`)} data-testid="pref-quiet-hours" />
      </>
    );
  }

  return (
    <Card title={t(`${p}.title`)} style={{ marginTop: 12 }} data-testid="notification-settings">
      {content}
    </Card>
  );
}
