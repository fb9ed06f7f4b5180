import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { catalogCategories, catalogTypes } from '../../server/db/schema.js';
import type { Category, Priority, ProblemType } from '../../shared/catalog.js';

export type CategoryRow = typeof catalogCategories.$inferSelect;
export type TypeRow = typeof catalogTypes.$inferSelect;

/** Every category and type row, in display order (sort order, then code). */
export async function loadCatalogRows(db: Db): Promise<{ cats: CategoryRow[]; types: TypeRow[] }> {
  const [cats, types] = await Promise.all([
    db
      .select()
      .from(catalogCategories)
      .orderBy(asc(catalogCategories.sortOrder), asc(catalogCategories.code)),
    db.select().from(catalogTypes).orderBy(asc(catalogTypes.sortOrder), asc(catalogTypes.code)),
  ]);
  return { cats, types };
}

/** A category as the public contract has it, without its types. */
export function toCategoryHead(c: CategoryRow): Omit<Category, 'types'> {
  return {
    code: c.code,
    name: c.name,
    description: c.description,
    accepted: c.accepted,
    refusalGuidance: c.refusalGuidance ?? null,
  };
}

/** A problem type as the public contract has it. */
export function toProblemType(t: TypeRow): ProblemType {
  return {
    code: t.code,
    name: t.name,
    priority: t.priority as Priority,
    requiredFields: t.requiredFields,
    requiredEvidence: t.requiredEvidence,
    sla: t.sla,
  };
}

/** The public catalogue: enabled types only. */
export async function loadCatalog(db: Db): Promise<Category[]> {
  const { cats, types } = await loadCatalogRows(db);
  return cats.map((c) => ({
    ...toCategoryHead(c),
    types: types.filter((t) => t.categoryCode === c.code && t.enabled).map(toProblemType),
  }));
}

export async function catalogCounts(db: Db): Promise<{ categories: number; problemTypes: number }> {
  const [c] = await db.select({ n: count() }).from(catalogCategories);
  const [t] = await db.select({ n: count() }).from(catalogTypes);
  return { categories: c?.n ?? 0, problemTypes: t?.n ?? 0 };
}

/** The shipped catalogue: the contract plus the words people type for each problem type. */
export interface CatalogSeedCategory extends Omit<Category, 'types'> {
  types: (ProblemType & { keywords: string[] })[];
}

/** Inserts the given catalogue; entries that already exist are left as the admin edited them. */
export async function insertCatalogIfMissing(
  db: Db,
  categories: CatalogSeedCategory[],
): Promise<number> {
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (const [i, c] of categories.entries()) {
      const rows = await tx
        .insert(catalogCategories)
        .values({
          code: c.code,
          name: c.name,
          description: c.description,
          accepted: c.accepted,
          refusalGuidance: c.refusalGuidance,
          sortOrder: i,
        })
        .onConflictDoNothing()
        .returning({ code: catalogCategories.code });
      inserted += rows.length;
      for (const [j, t] of c.types.entries()) {
        const trows = await tx
          .insert(catalogTypes)
          .values({ ...t, categoryCode: c.code, sortOrder: j })
          .onConflictDoNothing()
          .returning({ code: catalogTypes.code });
        inserted += trows.length;
      }
    }
  });
  return inserted;
}

/**
 * Gives shipped types their shipped keywords where they have none, for databases seeded before
 * types had keywords. A row an admin has saved (updated_at moved past created_at) is theirs, even
 * with no keywords, so it is left alone. Returns how many types were filled.
 */
export async function fillSeedKeywords(db: Db, categories: CatalogSeedCategory[]): Promise<number> {
  // Runs at every start: one cheap question first, the per-type updates only when needed.
  const [pending] = await db
    .select({ n: count() })
    .from(catalogTypes)
    .where(
      and(
        sql`cardinality(${catalogTypes.keywords}) = 0`,
        sql`${catalogTypes.updatedAt} = ${catalogTypes.createdAt}`,
      ),
    );
  if (!pending?.n) return 0;
  let filled = 0;
  for (const type of categories.flatMap((c) => c.types)) {
    if (type.keywords.length === 0) continue;
    const rows = await db
      .update(catalogTypes)
      .set({ keywords: type.keywords })
      .where(
        and(
          eq(catalogTypes.code, type.code),
          sql`cardinality(${catalogTypes.keywords}) = 0`,
          sql`${catalogTypes.updatedAt} = ${catalogTypes.createdAt}`,
        ),
      )
      .returning({ code: catalogTypes.code });
    filled += rows.length;
  }
  return filled;
}

export interface ProblemTypeForFiling {
  category: Omit<Category, 'types'>;
  type: ProblemType;
  enabled: boolean;
}

/** A problem type with its category, as filing needs it (disabled types included, flagged). */
export async function findProblemType(
  db: Db,
  typeCode: string,
): Promise<ProblemTypeForFiling | null> {
  const [row] = await db
    .select()
    .from(catalogTypes)
    .innerJoin(catalogCategories, eq(catalogTypes.categoryCode, catalogCategories.code))
    .where(eq(catalogTypes.code, typeCode))
    .limit(1);
  if (!row) return null;
  return {
    category: toCategoryHead(row.catalog_categories),
    type: toProblemType(row.catalog_types),
    enabled: row.catalog_types.enabled,
  };
}
