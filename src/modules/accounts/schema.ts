import { Type } from 'typebox';
import { ROLES, STAFF_ROLES, PERMISSIONS } from '../../shared/roles.js';

export const RoleSchema = Type.Enum(ROLES);
export const StaffRoleSchema = Type.Enum(STAFF_ROLES);

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  role: RoleSchema,
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()], { description: 'Masked for complainants' }),
  phone: Type.Union([Type.String(), Type.Null()], {
    description: 'Always masked, e.g. 138****8000',
  }),
  merchantId: Type.Union([Type.String(), Type.Null()]),
  locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
});

export const SessionSchema = Type.Object({
  user: UserSchema,
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every state-changing request' }),
  permissions: Type.Array(Type.Enum(PERMISSIONS)),
});

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const OtpRequestBody = Type.Object(
  {
    target: Type.String({
      minLength: 3,
      maxLength: 254,
      description: 'Mainland mobile number or email',
    }),
  },
  { additionalProperties: false },
);

export const OtpRequestReply = Type.Object({
  sent: Type.Literal(true),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
  expiresInSeconds: Type.Integer(),
  resendAfterSeconds: Type.Integer(),
});

export const OtpVerifyBody = Type.Object(
  {
    target: Type.String({ minLength: 3, maxLength: 254 }),
    code: Type.String({ pattern: '^\\s*\\d{6}\\s*$' }),
  },
  { additionalProperties: false },
);

export const UserListItem = Type.Intersect([
  UserSchema,
  Type.Object({
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    createdAt: Type.String({ format: 'date-time' }),
  }),
]);

export const UserListQuery = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

export const CreateUserBody = Type.Object(
  {
    role: StaffRoleSchema,
    name: Type.String({ minLength: 1, maxLength: 60 }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ maxLength: 200 }),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    merchantId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const TokenSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  role: StaffRoleSchema,
  prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CreateTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60 }), role: StaffRoleSchema },
  { additionalProperties: false },
);

export const IdParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
