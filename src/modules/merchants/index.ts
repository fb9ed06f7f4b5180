// Merchants: tiers, shops, the merchant's answers and remedies, platform arbitration
// (docs/MERCHANTS.md).
export { merchantsRoutes } from './routes.js';
export { merchantsJobs } from './jobs.js';
export type { MerchantsDeps } from './deps.js';
