import { AppError } from '../../../server/lib/errors.js';
import type { FieldProblem } from '../../../server/lib/errors.js';
import type { Role } from '../../../shared/roles.js';
import { normaliseEmail, normalisePhone } from '../contacts.js';
import type { AccountsDeps } from '../deps.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../passwords.js';
import { findMerchant, insertUser, type UserRow } from '../repository.js';

export interface CreateUserInput {
  role: Role;
  name: string;
  email?: string | null;
  phone?: string | null;
  password?: string | null;
  merchantId?: string | null;
}

/** Creates an account; staff need an email and a password, complainants a phone or email. */
export async function createUser(input: CreateUserInput, deps: AccountsDeps): Promise<UserRow> {
  const fields: Record<string, FieldProblem> = {};
  const name = input.name.trim();
  if (!name) fields.name = { reason: 'required' };
  const email = input.email ? normaliseEmail(input.email) : null;
  if (input.email && !email) fields.email = { reason: 'invalid_email' };
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.phone && !phone) fields.phone = { reason: 'invalid_phone' };

  const staff = input.role !== 'complainant';
  if (staff && !input.email) fields.email = { reason: 'required' };
  if (staff && (!input.password || input.password.length < MIN_PASSWORD_LENGTH)) {
    fields.password = { reason: input.password ? 'weak_password' : 'required' };
  }
  if (!staff && !email && !phone) fields.phone = { reason: 'required' };

  let merchantId: string | null = null;
  if (input.role === 'merchant') {
    if (!input.merchantId) fields.merchantId = { reason: 'merchant_required' };
    else if (!(await findMerchant(deps.db, input.merchantId).catch(() => undefined))) {
      fields.merchantId = { reason: 'merchant_not_found' };
    } else merchantId = input.merchantId;
  }
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);

  const result = await insertUser(deps.db, {
    role: input.role,
    name,
    email,
    phone,
    passwordHash: staff && input.password ? await hashPassword(input.password) : null,
    merchantId,
  });
  if ('taken' in result) {
    throw result.taken === 'email' ? fieldErrorTaken('email') : fieldErrorTaken('phone');
  }
  return result.user;
}

function fieldErrorTaken(field: 'email' | 'phone'): AppError {
  return new AppError(field === 'email' ? 'email_taken' : 'phone_taken', {
    [field]: { reason: 'taken' },
  });
}
