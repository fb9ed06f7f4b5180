import { AppError } from '../../../server/lib/errors.js';
import { categoryExists, loadAdminType, saveType } from '../admin-repository.js';
import type { AdminType, UpdateTypeInput } from '../admin-schema.js';
import type { CatalogDeps } from '../deps.js';
import { cleanType, failIfProblems, typeProblems } from '../validate.js';
import { slaFrom } from '../sla-input.js';

/**
 * Changes what is given and keeps the rest (lists are replaced whole; SLA numbers one by one).
 * There is no delete, since complaints refer to type codes: `enabled: false` retires a type.
 */
export async function updateProblemType(
  code: string,
  input: UpdateTypeInput,
  deps: CatalogDeps,
): Promise<AdminType> {
  const current = await loadAdminType(deps.db, code);
  if (!current) throw new AppError('not_found');
  const draft = cleanType({
    code,
    categoryCode: input.categoryCode ?? current.categoryCode,
    name: input.name ?? current.name,
    priority: input.priority ?? current.priority,
    requiredFields:
      input.requiredFields?.map((f) => ({ ...f, required: f.required ?? true })) ??
      current.requiredFields,
    requiredEvidence: input.requiredEvidence ?? current.requiredEvidence,
    sla: slaFrom(input.sla, current.sla),
    keywords: input.keywords ?? current.keywords,
    enabled: input.enabled ?? current.enabled,
    sortOrder: input.sortOrder ?? current.sortOrder,
  });
  const problems = typeProblems(draft, { isNew: false });
  if (
    draft.categoryCode !== current.categoryCode &&
    draft.categoryCode &&
    !(await categoryExists(deps.db, draft.categoryCode))
  ) {
    problems.categoryCode = { reason: 'unknown_category' };
  }
  failIfProblems(problems);
  await saveType(deps.db, draft);
  const saved = await loadAdminType(deps.db, code);
  if (!saved) throw new AppError('not_found');
  return saved;
}
