// The accounts module: people, their roles, sessions, one-time codes and API tokens.
export { accountsRoutes, type AccountsRouteDeps } from './routes.js';
export { authResolver } from './use-cases/resolve-principal.js';
export { createUser } from './use-cases/create-user.js';
export { createApiToken } from './use-cases/api-tokens.js';
export { findOrCreateComplainant } from './use-cases/find-or-create-complainant.js';
export { normaliseEmail, normalisePhone } from './contacts.js';
export { logOtpSender, MemoryOtpSender, type OtpSender } from './otp-sender.js';
export {
  countUsers,
  findMerchantByName,
  findUserByEmail,
  findUserById,
  insertMerchant,
  type UserRow,
} from './repository.js';
export { accountsJobs } from './jobs.js';
