// External platforms (12315 / 12345 / 12305 / 黑猫投诉): transfers, status updates by API and
// CSV, complaints imported from them (docs/EXTERNAL.md).
export { externalRoutes } from './routes.js';
export type { ExternalDeps } from './deps.js';
