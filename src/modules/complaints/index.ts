// Complaints: filing, numbers, the lifecycle, materials, appeals, ratings and tracking.
export { complaintsRoutes, type ComplaintsRouteDeps } from './routes.js';
export { evidenceAccess } from './use-cases/evidence-access.js';
export { complaintsJobs } from './jobs.js';
