// Channel preferences per person: which of SMS, email and WeChat they want (the bell is always
// on), and their time zone, which sets their SMS quiet hours.
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { notificationPreferences, users } from '../../server/db/schema.js';
import { fieldError } from '../../server/lib/errors.js';
import { maskEmail, maskPhone } from '../../server/lib/masking.js';
import type { NotifyChannel, PreferencesView } from '../../shared/notifications.js';
import type { Channels } from './channels/index.js';

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function availableChannels(channels: Channels): NotifyChannel[] {
  const out: NotifyChannel[] = ['in_app'];
  if (channels.sms) out.push('sms');
  if (channels.email) out.push('email');
  if (channels.wechat) out.push('wechat');
  return out;
}

export async function getPreferences(
  db: Db,
  userId: string,
  channels: Channels,
): Promise<PreferencesView> {
  const [u] = await db
    .select({ phone: users.phone, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  const [p] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return {
    sms: p?.sms ?? true,
    email: p?.email ?? true,
    wechat: p?.wechat ?? true,
    wechatBound: !!p?.wechatOpenId,
    timeZone: p?.timeZone ?? 'Asia/Shanghai',
    phone: u?.phone ? maskPhone(u.phone) : null,
    emailAddress: u?.email ? maskEmail(u.email) : null,
    available: availableChannels(channels),
  };
}

export async function savePreferences(
  db: Db,
  userId: string,
  input: { sms?: boolean; email?: boolean; wechat?: boolean; timeZone?: string },
  channels: Channels,
  now: Date,
): Promise<PreferencesView> {
  const timeZone = input.timeZone?.trim();
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    throw fieldError('timeZone', 'invalid_time_zone');
  }
  const patch = {
    ...(input.sms !== undefined ? { sms: input.sms } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.wechat !== undefined ? { wechat: input.wechat } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    updatedAt: now,
  };
  await db
    .insert(notificationPreferences)
    .values({ userId, ...patch })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: patch });
  return getPreferences(db, userId, channels);
}
