// The catalogue of what complaints we accept (受理场景): categories → problem types.
export { catalogRoutes } from './routes.js';
export {
  catalogCounts,
  fillSeedKeywords,
  findProblemType,
  insertCatalogIfMissing,
  loadCatalog,
  type CatalogSeedCategory,
  type ProblemTypeForFiling,
} from './repository.js';
export { suggestTypes, type SuggestCandidate } from './suggest.js';
export { loadSuggestCandidates } from './admin-repository.js';
