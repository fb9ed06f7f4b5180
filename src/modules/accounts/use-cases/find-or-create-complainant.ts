import { eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../server/db/client.js';
import { users } from '../../../server/db/schema.js';
import { fieldError } from '../../../server/lib/errors.js';
import type { UserRow } from '../repository.js';

/**
 * The complainant behind a phone number or email, created on first use, so that someone whose
 * complaint staff filed by phone finds it after logging in with that number. Safe inside a
 * caller's transaction and under races (ON CONFLICT, then read). Answers with the field at fault
 * (`<prefix>.phone` / `.email`) when the contact belongs to a staff account.
 */
export async function findOrCreateComplainant(
  db: Queryable,
  person: { name: string; phone: string | null; email: string | null },
  fieldPrefix: string,
): Promise<UserRow> {
  const match = () =>
    db
      .select()
      .from(users)
      .where(
        or(
          person.phone ? eq(users.phone, person.phone) : sql`false`,
          person.email ? eq(users.email, person.email) : sql`false`,
        ),
      );
  let rows = await match();
  if (rows.length === 0) {
    await db
      .insert(users)
      .values({
        role: 'complainant',
        name: person.name,
        phone: person.phone,
        email: person.email,
        passwordHash: null,
        merchantId: null,
      })
      .onConflictDoNothing();
    rows = await match();
  }
  // The phone identifies a person more reliably than an email, so it wins when both match.
  const user = rows.find((u) => person.phone && u.phone === person.phone) ?? rows[0];
  if (!user) throw new Error('complainant vanished after insert');
  if (user.role !== 'complainant') {
    const field = person.phone && user.phone === person.phone ? 'phone' : 'email';
    throw fieldError(`${fieldPrefix}.${field}`, 'not_a_complainant');
  }
  return user;
}
