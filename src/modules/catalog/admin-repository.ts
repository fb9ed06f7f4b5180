// SQL for editing the catalogue and for the type suggester.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { catalogCategories, catalogTypes } from '../../server/db/schema.js';
import type { AdminCategory, AdminType } from './admin-schema.js';
import {
  loadCatalogRows,
  toCategoryHead,
  toProblemType,
  type CategoryRow,
  type TypeRow,
} from './repository.js';
import type { SuggestCandidate } from './suggest.js';
import type { CategoryDraft, TypeDraft } from './validate.js';

export function presentType(t: TypeRow): AdminType {
  return {
    ...toProblemType(t),
    categoryCode: t.categoryCode,
    keywords: t.keywords,
    enabled: t.enabled,
    sortOrder: t.sortOrder,
    updatedAt: t.updatedAt.toISOString(),
  };
}

function presentCategory(c: CategoryRow, types: TypeRow[]): AdminCategory {
  return {
    ...toCategoryHead(c),
    sortOrder: c.sortOrder,
    updatedAt: c.updatedAt.toISOString(),
    types: types.filter((t) => t.categoryCode === c.code).map(presentType),
  };
}

/** Everything, disabled types included, in display order. */
export async function loadAdminCatalog(db: Db): Promise<AdminCategory[]> {
  const { cats, types } = await loadCatalogRows(db);
  return cats.map((c) => presentCategory(c, types));
}

export async function loadAdminCategory(db: Db, code: string): Promise<AdminCategory | null> {
  const [c] = await db.select().from(catalogCategories).where(eq(catalogCategories.code, code));
  if (!c) return null;
  const types = await db
    .select()
    .from(catalogTypes)
    .where(eq(catalogTypes.categoryCode, code))
    .orderBy(asc(catalogTypes.sortOrder), asc(catalogTypes.code));
  return presentCategory(c, types);
}

export async function loadAdminType(db: Db, code: string): Promise<AdminType | null> {
  const [t] = await db.select().from(catalogTypes).where(eq(catalogTypes.code, code));
  return t ? presentType(t) : null;
}

export async function categoryExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: catalogCategories.code })
    .from(catalogCategories)
    .where(eq(catalogCategories.code, code));
  return Boolean(row);
}

/** The sort order that puts a new entry last. */
export async function nextSortOrder(db: Db, categoryCode?: string): Promise<number> {
  const [row] = categoryCode
    ? await db
        .select({ max: sql<number | null>`max(${catalogTypes.sortOrder})` })
        .from(catalogTypes)
        .where(eq(catalogTypes.categoryCode, categoryCode))
    : await db
        .select({ max: sql<number | null>`max(${catalogCategories.sortOrder})` })
        .from(catalogCategories);
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** False when the code is already taken (the primary key decides, so two racing admins cannot both win). */
export async function insertCategory(db: Db, d: CategoryDraft): Promise<boolean> {
  const rows = await db
    .insert(catalogCategories)
    .values(d)
    .onConflictDoNothing()
    .returning({ code: catalogCategories.code });
  return rows.length === 1;
}

export async function saveCategory(db: Db, d: CategoryDraft): Promise<void> {
  const { code, ...values } = d;
  await db
    .update(catalogCategories)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(catalogCategories.code, code));
}

export async function insertType(db: Db, d: TypeDraft): Promise<boolean> {
  const rows = await db
    .insert(catalogTypes)
    .values(d)
    .onConflictDoNothing()
    .returning({ code: catalogTypes.code });
  return rows.length === 1;
}

export async function saveType(db: Db, d: TypeDraft): Promise<void> {
  const { code, ...values } = d;
  await db
    .update(catalogTypes)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(catalogTypes.code, code));
}

/** Enabled types with their category's words, in catalogue order (the suggester's tie-break). */
export async function loadSuggestCandidates(db: Db): Promise<SuggestCandidate[]> {
  const rows = await db
    .select()
    .from(catalogTypes)
    .innerJoin(catalogCategories, eq(catalogTypes.categoryCode, catalogCategories.code))
    .where(eq(catalogTypes.enabled, true))
    .orderBy(
      asc(catalogCategories.sortOrder),
      asc(catalogCategories.code),
      asc(catalogTypes.sortOrder),
      asc(catalogTypes.code),
    );
  return rows.map(({ catalog_categories: c, catalog_types: t }) => ({
    categoryCode: c.code,
    categoryName: c.name,
    categoryDescription: c.description,
    typeCode: t.code,
    typeName: t.name,
    keywords: t.keywords,
  }));
}
