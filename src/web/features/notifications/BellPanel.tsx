// What the bell opens: the newest notifications (unread ones marked), "全部已读", older pages.
import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../shared/notifications';
import { errorMessage } from '../../shared/formErrors';
import { useFormatDateTime } from '../../shared/text';
import type { BellQuery } from './api';
import { useRelativeTime } from './format';

interface Props {
  items: NotificationView[];
  unread: number;
  query: BellQuery;
  onFollow: (item: NotificationView) => void;
  onReadAll: () => void;
  readingAll: boolean;
  /** In the phone's sheet: a close button in the panel's head. */
  onClose?: () => void;
}

function Item({ item, onFollow }: { item: NotificationView; onFollow: Props['onFollow'] }) {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  const formatDateTime = useFormatDateTime();
  const unread = item.readAt === null;
  return (
    <li>
      <button
        type="button"
        className={unread ? 'nt-item nt-item-unread' : 'nt-item'}
        onClick={() => onFollow(item)}
        data-testid="bell-item"
        data-node={item.node}
        data-unread={unread}
      >
        <span className="nt-dot" aria-label={unread ? t('notifications.bell.unreadMark') : ''} />
        <span className="nt-item-main">
          <span className="nt-item-head">
            <span className="nt-item-title">{item.title}</span>
            <time
              className="nt-item-time"
              dateTime={item.createdAt}
              title={formatDateTime(item.createdAt)}
            >
              {relative(item.createdAt)}
            </time>
          </span>
          <span className="nt-item-body">{item.body}</span>
        </span>
      </button>
    </li>
  );
}

export function BellPanel({
  items,
  unread,
  query,
  onFollow,
  onReadAll,
  readingAll,
  onClose,
}: Props) {
  const { t } = useTranslation();
  let list;
  if (query.isPending) {
    list = <Skeleton active paragraph={{ rows: 3 }} className="nt-panel-pad" />;
  } else if (query.isError && items.length === 0) {
    list = (
      <Alert
        type="error"
        showIcon
        className="nt-panel-pad"
        title={t('notifications.bell.loadFailed')}
        description={errorMessage(query.error, t)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (items.length === 0) {
    list = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        className="nt-empty"
        description={
          <>
            <div>{t('notifications.bell.empty')}</div>
            <div className="nt-muted">{t('notifications.bell.emptyHint')}</div>
          </>
        }
      />
    );
  } else {
    list = (
      <ul className="nt-list" data-testid="bell-list">
        {items.map((item) => (
          <Item key={item.id} item={item} onFollow={onFollow} />
        ))}
      </ul>
    );
  }
  return (
    <div className={onClose ? 'nt-panel nt-panel-sheet' : 'nt-panel'} data-testid="bell-panel">
      <div className="nt-panel-head">
        <span className="nt-panel-title">
          {t('notifications.bell.title')}
          {unread > 0 && (
            <span className="nt-panel-count" data-testid="bell-unread">
              {t('notifications.bell.unread', { count: unread })}
            </span>
          )}
        </span>
        <span className="nt-panel-tools">
          <Button
            type="link"
            size="small"
            disabled={unread === 0}
            loading={readingAll}
            onClick={onReadAll}
            data-testid="bell-read-all"
          >
            {t('notifications.bell.readAll')}
          </Button>
          {onClose && (
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              onClick={onClose}
              aria-label={t('notifications.bell.close')}
              data-testid="bell-close"
            />
          )}
        </span>
      </div>
      {list}
      {query.hasNextPage && (
        <Button
          type="link"
          block
          className="nt-older"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
          data-testid="bell-older"
        >
          {t('notifications.bell.older')}
        </Button>
      )}
    </div>
  );
}
