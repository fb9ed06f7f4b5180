// The accounts module: people, their roles, sessions, one-time codes and API tokens.
export { accountsRoutes, type AccountsRouteDeps } from './routes.js';
export { authResolver } from './use-cases/resolve-principal.js';
export { createUser } from './use-cases/create-user.js';
export { createApiToken } from './use-cases/api-tokens.js';
export { logOtpSender, MemoryOtpSender, type OtpSender } from './otp-sender.js';
export { countUsers, findMerchantByName, findUserByEmail, insertMerchant } from './repository.js';
export { accountsJobs } from './jobs.js';
