import { fieldError } from '../../../server/lib/errors.js';
import type { TypeSuggestion } from '../../../shared/complaints.js';
import { loadSuggestCandidates } from '../admin-repository.js';
import type { CatalogDeps } from '../deps.js';
import { normalise, suggestTypes } from '../suggest.js';

/**
 * The likeliest problem types for what someone typed. Refused categories (judicial claims) are
 * among the candidates on purpose: the wizard then shows the refusal before anything is filled.
 */
export async function suggestProblemTypes(
  input: { q: string },
  deps: CatalogDeps,
): Promise<TypeSuggestion[]> {
  if (!normalise(input.q)) throw fieldError('q', 'required');
  return suggestTypes(input.q, await loadSuggestCandidates(deps.db));
}
