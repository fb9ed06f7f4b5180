import { AppError } from '../../../server/lib/errors.js';
import { loadAdminCategory, saveCategory } from '../admin-repository.js';
import type { AdminCategory, UpdateCategoryInput } from '../admin-schema.js';
import type { CatalogDeps } from '../deps.js';
import { categoryProblems, cleanCategory, failIfProblems } from '../validate.js';

/**
 * Changes what is given and keeps the rest; the result is checked as a whole (turning
 * `accepted` off needs guidance, whether it comes in the same request or is already there).
 * Complaints already filed keep their own snapshot, so nothing here reaches them.
 */
export async function updateCategory(
  code: string,
  input: UpdateCategoryInput,
  deps: CatalogDeps,
): Promise<AdminCategory> {
  const current = await loadAdminCategory(deps.db, code);
  if (!current) throw new AppError('not_found');
  const draft = cleanCategory({
    code,
    name: input.name ?? current.name,
    description: input.description ?? current.description,
    accepted: input.accepted ?? current.accepted,
    refusalGuidance:
      input.refusalGuidance !== undefined ? input.refusalGuidance : current.refusalGuidance,
    sortOrder: input.sortOrder ?? current.sortOrder,
  });
  failIfProblems(categoryProblems(draft, { isNew: false }));
  await saveCategory(deps.db, draft);
  const saved = await loadAdminCategory(deps.db, code);
  if (!saved) throw new AppError('not_found');
  return saved;
}
