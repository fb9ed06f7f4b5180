// SQL for external platforms and the cases complaints have on them. Changes to a case expect
// the caller's transaction to hold its complaint's row lock (lockComplaint).
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../server/db/client.js';
import { complaintEvents, externalCases, externalPlatforms } from '../../server/db/schema.js';
import type { ExternalPlatform, ExternalStatus } from '../../shared/cases.js';
import { presentExternalCase } from '../complaints/index.js';
import type { LocalText } from '../../shared/text.js';

export type PlatformRow = typeof externalPlatforms.$inferSelect;
export type ExternalCaseRow = typeof externalCases.$inferSelect;

export function presentPlatform(p: PlatformRow): ExternalPlatform {
  return { code: p.code, name: p.name, enabled: p.enabled };
}

/** Shown exactly as the complaint view shows it. */
export const presentCase = presentExternalCase;

export async function listPlatforms(db: Queryable): Promise<PlatformRow[]> {
  return db
    .select()
    .from(externalPlatforms)
    .orderBy(asc(externalPlatforms.createdAt), asc(externalPlatforms.code));
}

export async function findPlatform(db: Queryable, code: string): Promise<PlatformRow | undefined> {
  const [row] = await db.select().from(externalPlatforms).where(eq(externalPlatforms.code, code));
  return row;
}

/** Null when the code is taken. */
export async function insertPlatform(
  tx: Tx,
  values: { code: string; name: LocalText },
): Promise<PlatformRow | null> {
  const [row] = await tx.insert(externalPlatforms).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updatePlatform(
  tx: Tx,
  code: string,
  patch: { name?: LocalText; enabled?: boolean },
): Promise<PlatformRow> {
  const [row] = await tx
    .update(externalPlatforms)
    .set(patch)
    .where(eq(externalPlatforms.code, code))
    .returning();
  return row!;
}

export async function findExternalCase(
  db: Queryable,
  platform: string,
  externalNumber: string,
): Promise<ExternalCaseRow | undefined> {
  const [row] = await db
    .select()
    .from(externalCases)
    .where(
      and(
        eq(externalCases.platformCode, platform),
        eq(externalCases.externalNumber, externalNumber),
      ),
    );
  return row;
}

export async function lockExternalCase(tx: Tx, id: string): Promise<ExternalCaseRow> {
  const [row] = await tx.select().from(externalCases).where(eq(externalCases.id, id)).for('update');
  return row!;
}

/** Null when the platform already has this case number on record. */
export async function insertExternalCase(
  tx: Tx,
  values: typeof externalCases.$inferInsert,
): Promise<ExternalCaseRow | null> {
  const [row] = await tx.insert(externalCases).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function setExternalStatus(
  tx: Tx,
  id: string,
  patch: { status: ExternalStatus; statusNote: string | null; statusAt: Date },
): Promise<ExternalCaseRow> {
  const [row] = await tx
    .update(externalCases)
    .set(patch)
    .where(eq(externalCases.id, id))
    .returning();
  return row!;
}

/**
 * Whether the complaint's current transfer is the one to this external case: its latest
 * 'transfer' on the timeline is an external_transfer naming the same platform and number.
 */
export async function isCurrentTransfer(
  tx: Tx,
  complaintId: string,
  c: Pick<ExternalCaseRow, 'platformCode' | 'externalNumber'>,
): Promise<boolean> {
  const [last] = await tx
    .select({ type: complaintEvents.type, data: complaintEvents.data })
    .from(complaintEvents)
    .where(
      and(eq(complaintEvents.complaintId, complaintId), eq(complaintEvents.action, 'transfer')),
    )
    .orderBy(desc(complaintEvents.seq))
    .limit(1);
  return (
    last?.type === 'external_transfer' &&
    last.data.platform === c.platformCode &&
    last.data.externalNumber === c.externalNumber
  );
}
