// SQL for canned replies. A macro belongs to everyone (team_id null) or to one team's members.
import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../server/db/client.js';
import { macros, teamMembers, teams } from '../../server/db/schema.js';
import type { Macro } from '../../shared/cases.js';

export type MacroRow = typeof macros.$inferSelect;

const columns = {
  id: macros.id,
  title: macros.title,
  body: macros.body,
  teamCode: teams.code,
  enabled: macros.enabled,
  updatedAt: macros.updatedAt,
};

function present(r: {
  id: string;
  title: string;
  body: string;
  teamCode: string | null;
  enabled: boolean;
  updatedAt: Date;
}): Macro {
  return { ...r, updatedAt: r.updatedAt.toISOString() };
}

/** Who is asking: a manager sees everything; anyone else only what they may use. */
export type MacroScope = { all: true } | { all: false; userId: string | null };

export async function listMacros(
  db: Queryable,
  scope: MacroScope,
  opts: { enabledOnly: boolean },
): Promise<Macro[]> {
  const conds: SQL[] = [];
  if (opts.enabledOnly || !scope.all) conds.push(eq(macros.enabled, true));
  if (!scope.all) {
    const shared = isNull(macros.teamId);
    conds.push(
      scope.userId
        ? (or(
            shared,
            inArray(
              macros.teamId,
              db
                .select({ id: teamMembers.teamId })
                .from(teamMembers)
                .where(eq(teamMembers.userId, scope.userId)),
            ),
          ) as SQL)
        : shared,
    );
  }
  const rows = await db
    .select(columns)
    .from(macros)
    .leftJoin(teams, eq(teams.id, macros.teamId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(macros.title));
  return rows.map(present);
}

export async function findMacro(db: Queryable, id: string): Promise<Macro | undefined> {
  const [row] = await db
    .select(columns)
    .from(macros)
    .leftJoin(teams, eq(teams.id, macros.teamId))
    .where(eq(macros.id, id));
  return row ? present(row) : undefined;
}

/** The macro if the caller may use it: enabled, and shared or of one of their teams. */
export async function usableMacro(
  db: Queryable,
  id: string,
  scope: MacroScope,
): Promise<Macro | undefined> {
  const macro = await findMacro(db, id);
  if (!macro || !macro.enabled) return undefined;
  if (scope.all || macro.teamCode === null) return macro;
  if (!scope.userId) return undefined;
  const [member] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, scope.userId), eq(teams.code, macro.teamCode)));
  return member ? macro : undefined;
}

export async function teamIdByCode(db: Queryable, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: teams.id }).from(teams).where(eq(teams.code, code));
  return row?.id;
}

export async function insertMacro(
  db: Queryable,
  values: typeof macros.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(macros).values(values).returning({ id: macros.id });
  return row!.id;
}

export async function updateMacro(
  db: Queryable,
  id: string,
  patch: Partial<typeof macros.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(macros)
    .set(patch)
    .where(eq(macros.id, id))
    .returning({ id: macros.id });
  return rows.length === 1;
}
