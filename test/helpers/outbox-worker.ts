// A notifications worker in its own process, for the test that kills one mid-delivery
// (test/integration/notifications-kill.test.ts). Settings come from the environment.
import pg from 'pg';
import { dispatchOutbox } from '../../src/modules/notifications/index.js';
import { smtpEmailSender } from '../../src/modules/notifications/channels/email.js';
import { wrapPool } from '../../src/server/db/client.js';
import { systemClock } from '../../src/server/lib/clock.js';

const pool = new pg.Pool(JSON.parse(process.env.PG_CONNECTION ?? '{}') as pg.PoolConfig);
const db = wrapPool(pool);
const channels = {
  sms: null,
  email: smtpEmailSender({
    url: process.env.SMTP_URL ?? '',
    from: 'Redress <no-reply@redress.test>',
  }),
  wechat: null,
};
for (;;) {
  await dispatchOutbox({
    db,
    clock: systemClock,
    channels,
    publicUrl: 'http://redress.test',
    workerId: `child:${process.pid}`,
    leaseMs: Number(process.env.LEASE_MS ?? 2000),
  });
  await new Promise((r) => setTimeout(r, 50));
}
