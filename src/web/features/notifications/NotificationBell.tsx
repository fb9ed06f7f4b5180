// The bell (通知) in the portal and console headers: the unread count, a panel with the newest
// notifications, and a toast when one arrives while the panel is closed. New entries are
// announced on the shared live stream (event: notification); the list is fetched, never pushed.
import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Drawer, Grid, Popover } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationView } from '../../../shared/notifications';
import { errorMessage } from '../../shared/formErrors';
import { useLiveBell } from '../casework/live';
import { BELL_KEY, useBell, useMarkRead } from './api';
import { BellPanel } from './BellPanel';
import './notifications.css';

interface Props {
  /** Portal: the complainant's complaint pages refresh too when something new arrives. */
  variant: 'portal' | 'console';
}

export function NotificationBell({ variant }: Props) {
  const { t } = useTranslation();
  const { notification, message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // A phone has no room for a panel hanging off the header: it gets a sheet from the bottom.
  const phone = Grid.useBreakpoint().sm === false;
  const openRef = useRef(open);
  openRef.current = open;
  const bell = useBell();
  const markRead = useMarkRead();
  const unread = bell.data?.pages[0]?.unread ?? 0;
  const items = bell.data?.pages.flatMap((page) => page.items) ?? [];

  const follow = (item: NotificationView) => {
    if (!item.readAt) markRead.mutate({ ids: [item.id] });
    setOpen(false);
    if (!item.link) return;
    if (item.link.startsWith('/')) void navigate(item.link);
    else window.location.assign(item.link);
  };

  const live = useLiveBell((id) => {
    if (variant === 'portal') {
      // What the notification reports (a request for materials, a result) changed the complaint.
      void queryClient.invalidateQueries({ queryKey: ['complaints'] });
    }
    if (id === null) {
      void queryClient.invalidateQueries({ queryKey: BELL_KEY });
      return;
    }
    void bell.refetch().then(({ data }) => {
      const item = data?.pages[0]?.items.find((entry) => entry.id === id);
      if (!item || openRef.current) return;
      const key = `bell-${id}`;
      notification.open({
        key,
        icon: <BellOutlined className="nt-toast-icon" />,
        title: item.title,
        description: <span className="nt-toast-body">{item.body}</span>,
        // The console's header holds its controls at the top right; keep them uncovered.
        placement: variant === 'console' ? 'bottomRight' : 'top',
        duration: 6,
        className: 'nt-toast',
        onClick: () => {
          notification.destroy(key);
          follow(item);
        },
        props: { 'data-testid': 'bell-toast' },
      });
    });
  });

  const readAll = () =>
    markRead.mutate(
      { all: true },
      {
        onSuccess: () => void message.success(t('notifications.bell.readAllDone')),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  const panel = (
    <BellPanel
      items={items}
      unread={unread}
      query={bell}
      onFollow={follow}
      onReadAll={readAll}
      readingAll={
        markRead.isPending && markRead.variables !== undefined && 'all' in markRead.variables
      }
      onClose={phone ? () => setOpen(false) : undefined}
    />
  );

  const trigger = (
    <Badge count={unread} size="small" overflowCount={99} offset={[-6, 6]}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined className="nt-bell-icon" />}
        aria-label={
          unread > 0
            ? t('notifications.bell.labelUnread', { count: unread })
            : t('notifications.bell.label')
        }
        title={t('notifications.bell.label')}
        data-testid="bell"
        data-unread={unread}
        data-live={live}
        onClick={phone ? () => setOpen(true) : undefined}
      />
    </Badge>
  );

  if (phone) {
    return (
      <>
        {trigger}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="bottom"
          size="auto"
          closable={false}
          destroyOnHidden
          rootClassName="nt-sheet"
        >
          {panel}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      destroyOnHidden
      classNames={{ root: 'nt-popover' }}
      content={panel}
    >
      {trigger}
    </Popover>
  );
}
