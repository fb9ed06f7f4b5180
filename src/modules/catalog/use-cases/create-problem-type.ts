import { AppError } from '../../../server/lib/errors.js';
import { categoryExists, insertType, loadAdminType, nextSortOrder } from '../admin-repository.js';
import type { AdminType, CreateTypeInput } from '../admin-schema.js';
import type { CatalogDeps } from '../deps.js';
import { cleanType, failIfProblems, typeProblems } from '../validate.js';
import { slaFrom } from '../sla-input.js';

/** Adds a problem type to a category, enabled and last unless the input says otherwise. */
export async function createProblemType(
  input: CreateTypeInput,
  deps: CatalogDeps,
): Promise<AdminType> {
  const draft = cleanType({
    code: input.code,
    categoryCode: input.categoryCode,
    name: input.name,
    priority: input.priority,
    requiredFields: (input.requiredFields ?? []).map((f) => ({
      ...f,
      required: f.required ?? true,
    })),
    requiredEvidence: input.requiredEvidence ?? [],
    sla: slaFrom(input.sla),
    keywords: input.keywords ?? [],
    enabled: input.enabled ?? true,
    sortOrder: 0,
  });
  const problems = typeProblems(draft, { isNew: true });
  if (draft.categoryCode && !(await categoryExists(deps.db, draft.categoryCode))) {
    problems.categoryCode = { reason: 'unknown_category' };
  }
  failIfProblems(problems);
  draft.sortOrder = input.sortOrder ?? (await nextSortOrder(deps.db, draft.categoryCode));
  if (!(await insertType(deps.db, draft))) {
    throw new AppError('conflict', { code: { reason: 'taken' } });
  }
  const saved = await loadAdminType(deps.db, draft.code);
  if (!saved) throw new AppError('internal');
  return saved;
}
