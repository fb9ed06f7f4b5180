import { AppError } from '../../../server/lib/errors.js';
import { insertCategory, loadAdminCategory, nextSortOrder } from '../admin-repository.js';
import type { AdminCategory, CreateCategoryInput } from '../admin-schema.js';
import type { CatalogDeps } from '../deps.js';
import { categoryProblems, cleanCategory, failIfProblems } from '../validate.js';

/** Adds a category, last in the list unless a sort order is given. */
export async function createCategory(
  input: CreateCategoryInput,
  deps: CatalogDeps,
): Promise<AdminCategory> {
  const draft = cleanCategory({
    code: input.code,
    name: input.name,
    description: input.description ?? { zh: '', en: '' },
    accepted: input.accepted ?? true,
    refusalGuidance: input.refusalGuidance ?? null,
    sortOrder: input.sortOrder ?? (await nextSortOrder(deps.db)),
  });
  failIfProblems(categoryProblems(draft, { isNew: true }));
  if (!(await insertCategory(deps.db, draft))) {
    throw new AppError('conflict', { code: { reason: 'taken' } });
  }
  const saved = await loadAdminCategory(deps.db, draft.code);
  if (!saved) throw new AppError('internal');
  return saved;
}
