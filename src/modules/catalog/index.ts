// The catalogue of what complaints we accept (受理场景): categories → problem types.
export { catalogRoutes } from './routes.js';
export {
  catalogCounts,
  findProblemType,
  insertCatalogIfMissing,
  loadCatalog,
  type ProblemTypeForFiling,
} from './repository.js';
