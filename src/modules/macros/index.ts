// Canned replies (macros) with {{variables}}: managed by supervisors and admins, used by case
// workers, filled in for a complaint (src/shared/macros.ts does the filling).
export { macrosRoutes } from './routes.js';
