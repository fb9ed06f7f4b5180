// Health and system information.
export { systemRoutes, type SystemDeps } from './routes.js';
