// The in-app inbox behind the bell: a person's notifications, newest first, and marking read.
import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { notifications } from '../../server/db/schema.js';
import type { NotificationView, NotifyNode } from '../../shared/notifications.js';

type Row = typeof notifications.$inferSelect;

export function presentNotification(r: Row): NotificationView {
  return {
    id: r.id,
    node: r.node as NotifyNode,
    complaintNumber: r.complaintNumber,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

export async function listBell(
  db: Db,
  userId: string,
  q: { limit?: number; before?: number; unread?: boolean },
) {
  const limit = q.limit ?? 20;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        q.before ? lt(notifications.id, q.before) : undefined,
        q.unread ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(presentNotification),
    unread: await unreadCount(db, userId),
    nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

/** Marks the caller's own notifications read; ids of other people's are ignored. */
export async function markRead(
  db: Db,
  userId: string,
  input: { ids?: number[]; all?: boolean },
  now: Date,
): Promise<number> {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  if (input.all) {
    await db.update(notifications).set({ readAt: now }).where(mine);
  } else if (input.ids && input.ids.length > 0) {
    await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(mine, inArray(notifications.id, input.ids)));
  }
  return unreadCount(db, userId);
}
