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
// One-time codes for another purpose than logging in: a caller's identity check during a phone
// call (src/modules/calls), with the same code length, hashing, guess and sending limits.
export {
  otpHash,
  OTP_LENGTH,
  OTP_MAX_PER_HOUR,
  OTP_RESEND_SECONDS,
} from './use-cases/request-otp.js';
export { OTP_MAX_ATTEMPTS } from './use-cases/verify-otp.js';
export { addOtpAttempt, consumeOtp, countRecentOtps, insertOtp, latestOtp } from './repository.js';
