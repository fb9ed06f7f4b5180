// Loads the shipped years of the cn-mainland calendar into a database that lacks them (a new
// install, or an upgrade that ships a newer year). A year already present is never touched, so
// an admin's corrections survive restarts. Runs after migrations, under their advisory lock.
import type pg from 'pg';
import { CN_CALENDAR } from '../../../shared/sla.js';
import { CN_MAINLAND_YEARS } from './cn-mainland.js';

export async function shipCalendars(client: Pick<pg.PoolClient, 'query'>): Promise<number> {
  let added = 0;
  for (const y of CN_MAINLAND_YEARS) {
    await client.query('BEGIN');
    try {
      const r = await client.query(
        `INSERT INTO calendar_years (calendar_code, year, source)
         SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM business_calendars WHERE code = $1)
         ON CONFLICT DO NOTHING`,
        [CN_CALENDAR, y.year, y.source],
      );
      if (r.rowCount) {
        await client.query(
          `INSERT INTO calendar_days (calendar_code, day, kind, name)
           SELECT $1, d.day::date, d.kind, d.name
           FROM unnest($2::text[], $3::text[], $4::text[]) AS d(day, kind, name)
           ON CONFLICT DO NOTHING`,
          [
            CN_CALENDAR,
            y.days.map((d) => d.date),
            y.days.map((d) => d.kind),
            y.days.map((d) => d.name),
          ],
        );
        added++;
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
  return added;
}
