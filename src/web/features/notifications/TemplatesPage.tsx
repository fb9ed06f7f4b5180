// 通知模板 (/console/notifications/templates, admins): every key node, and per node the channels
// it goes out on, each with an on/off switch and its wording per language. The open node,
// channel and language live in the address, so a link (or a reload) shows the same editor.
import { App, Card, Menu, Segmented, Switch, Tabs, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  channelsOf,
  COMPLAINANT_NODES,
  NOTIFY_NODES,
  STAFF_NODES,
  type NotifyChannel,
  type NotifyNode,
  type SwitchView,
} from '../../../shared/notifications';
import { ErrorResult } from '../../shared/ErrorResult';
import { errorMessage } from '../../shared/formErrors';
import { PageSpin } from '../../shared/PageSpin';
import { useSetSwitch, useTemplates, type TemplateLocale, type TemplatesReply } from './api';
import { TemplateEditor } from './TemplateEditor';
import './notifications.css';
import './templates.css';

const LOCALES: readonly TemplateLocale[] = ['zh-CN', 'en'];

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

function switchOf(data: TemplatesReply, node: NotifyNode, channel: NotifyChannel) {
  return data.switches.find((s) => s.node === node && s.channel === channel);
}

/** The node's name, then one small tag per channel: coloured when it is sent, grey when off. */
function NodeLabel({ node, data }: { node: NotifyNode; data: TemplatesReply }) {
  const { t } = useTranslation();
  return (
    <span className="nt-node-label" data-testid={`node-${node}`}>
      <span className="nt-node-name">{t(`notifications.node.${node}`)}</span>
      <span className="nt-node-channels">
        {channelsOf(node).map((channel) => {
          const on = switchOf(data, node, channel)?.enabled ?? false;
          return (
            <span key={channel} className={on ? 'nt-chip nt-chip-on' : 'nt-chip'}>
              {t(`notifications.channel.${channel}`)}
            </span>
          );
        })}
      </span>
    </span>
  );
}

function ChannelSwitch({ view, node }: { view: SwitchView | undefined; node: NotifyNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setSwitch = useSetSwitch();
  if (!view) return null;
  const channelName = t(`notifications.channel.${view.channel}`);
  return (
    <span className="nt-switch">
      <span>{t('notifications.templates.enabled')}</span>
      <Switch
        checked={view.enabled}
        loading={setSwitch.isPending}
        onChange={(enabled) =>
          setSwitch.mutate(
            { node, channel: view.channel, enabled },
            {
              onSuccess: () =>
                void message.success(
                  t(
                    enabled
                      ? 'notifications.templates.switchOn'
                      : 'notifications.templates.switchOff',
                    {
                      node: t(`notifications.node.${node}`),
                      channel: channelName,
                    },
                  ),
                ),
              onError: (error) => void message.error(errorMessage(error, t)),
            },
          )
        }
        aria-label={`${t('notifications.templates.enabled')} ${channelName}`}
        data-testid="channel-switch"
      />
      <span className={view.enabled ? 'nt-switch-on' : 'nt-muted'}>
        {t(
          view.enabled ? 'notifications.templates.enabledOn' : 'notifications.templates.enabledOff',
        )}
      </span>
    </span>
  );
}

export default function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const templates = useTemplates();
  const [params, setParams] = useSearchParams();
  const node = pick(params.get('node'), NOTIFY_NODES, 'accepted');
  const channels = channelsOf(node);
  const channel = pick(params.get('channel'), channels, channels[0] ?? 'in_app');
  const locale = pick(params.get('locale'), LOCALES, 'zh-CN');

  const go = (next: { node?: NotifyNode; channel?: NotifyChannel; locale?: TemplateLocale }) => {
    const out = new URLSearchParams();
    const n = next.node ?? node;
    out.set('node', n);
    // A node without the current channel (progress report: email only) opens on its first.
    const c = next.channel ?? (channelsOf(n).includes(channel) ? channel : channelsOf(n)[0]);
    if (c) out.set('channel', c);
    out.set('locale', next.locale ?? locale);
    setParams(out, { replace: true });
  };

  let body;
  if (templates.isPending) body = <PageSpin />;
  else if (templates.isError)
    body = <ErrorResult error={templates.error} onRetry={() => void templates.refetch()} />;
  else {
    const data = templates.data;
    const menu: MenuProps['items'] = [
      {
        type: 'group',
        key: 'complainant',
        label: t('notifications.templates.complainantNodes'),
        children: COMPLAINANT_NODES.map((n) => ({
          key: n,
          label: <NodeLabel node={n} data={data} />,
        })),
      },
      {
        type: 'group',
        key: 'staff',
        label: t('notifications.templates.staffNodes'),
        children: STAFF_NODES.map((n) => ({ key: n, label: <NodeLabel node={n} data={data} /> })),
      },
    ];
    const template = data.templates.find(
      (x) => x.node === node && x.channel === channel && x.locale === locale,
    );
    const sw = switchOf(data, node, channel);
    body = (
      <div className="nt-templates">
        <Menu
          mode="inline"
          items={menu}
          selectedKeys={[node]}
          onClick={({ key }) => go({ node: key as NotifyNode })}
          className="nt-node-menu"
          data-testid="template-nodes"
        />
        <section className="nt-node-detail" data-testid="template-detail" data-node={node}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t(`notifications.node.${node}`)}
          </Typography.Title>
          <div className="nt-muted nt-node-hint">{t(`notifications.nodeHint.${node}`)}</div>
          <Tabs
            activeKey={channel}
            onChange={(key) => go({ channel: key as NotifyChannel })}
            items={channels.map((c) => {
              const on = switchOf(data, node, c)?.enabled ?? false;
              return {
                key: c,
                label: (
                  <span data-testid={`channel-tab-${c}`}>
                    <span className={on ? 'nt-tab-dot nt-tab-dot-on' : 'nt-tab-dot'} />
                    {t(`notifications.channel.${c}`)}
                  </span>
                ),
              };
            })}
          />
          <div className="nt-editor-bar">
            <ChannelSwitch view={sw} node={node} />
            <Segmented<TemplateLocale>
              value={locale}
              onChange={(value) => go({ locale: value })}
              options={LOCALES.map((l) => ({
                value: l,
                label: <span data-testid={`locale-${l}`}>{t(`notifications.locale.${l}`)}</span>,
              }))}
            />
          </div>
          {sw && !sw.enabled && (
            <Tag color="warning" className="nt-off-note">
              {t('notifications.templates.channelOff')}
            </Tag>
          )}
          {template && (
            <TemplateEditor
              // A fresh form per template: nothing typed for one leaks into another.
              key={`${node}:${channel}:${locale}`}
              template={template}
              variables={data.variables[node] ?? []}
            />
          )}
        </section>
      </div>
    );
  }

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('notifications.templates.title')}
        </Typography.Title>
      }
      data-testid="templates-page"
    >
      <Typography.Paragraph type="secondary">
        {t('notifications.templates.intro', {
          example: i18n.language === 'en' ? '{{name}}' : '{{变量名}}',
        })}
      </Typography.Paragraph>
      {body}
    </Card>
  );
}
