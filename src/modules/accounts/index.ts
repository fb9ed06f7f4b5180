// The accounts module: people, their roles, sessions, one-time codes and API tokens.
export { accountsRoutes, type AccountsRouteDeps } from './routes.js';
export { authResolver } from './use-cases/resolve-principal.js';
export { createUser, type CreateUserInput } from './use-cases/create-user.js';
export { createApiToken, revokeApiToken, presentToken } from './use-cases/api-tokens.js';
export { logOtpSender, MemoryOtpSender, type OtpSender } from './otp-sender.js';
export {
  countUsers,
  deleteExpiredAuthRows,
  findMerchantByName,
  findUserByEmail,
  findUserByPhone,
  insertMerchant,
} from './repository.js';
export { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
export { normaliseEmail, normalisePhone } from './contacts.js';
export type { AccountsDeps } from './deps.js';
export { accountsJobs } from './jobs.js';
