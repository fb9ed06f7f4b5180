// Route schemas for phone calls: request validation and the OpenAPI document.
import { Type } from 'typebox';
import { COMPLAINT_STATUSES } from '../../shared/complaints.js';
import { LocalTextSchema } from '../complaints/index.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });

export const CallParams = Type.Object({ id: Type.String({ description: 'Call id' }) });

export const StartCallBody = Type.Object(
  {
    phone: Type.String({
      minLength: 1,
      maxLength: 30,
      description: 'The caller\u2019s mainland mobile number (+86 and spaces allowed)',
    }),
    direction: Type.Enum(['inbound', 'outbound'] as const),
  },
  { additionalProperties: false },
);

export const VerifyBody = Type.Object(
  {
    code: Type.Optional(
      Type.String({
        pattern: '^\\s*\\d{6}\\s*$',
        description: 'The code sent by POST /calls/{id}/code, read back by the caller',
      }),
    ),
    complaintNumber: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'Or: one of the caller\u2019s complaint numbers…',
      }),
    ),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 50,
        description: '…with the contact name given on it',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Either {code} or {complaintNumber, name}',
  },
);

export const AttachBody = Type.Object(
  { number: Type.String({ minLength: 1, maxLength: 40, description: 'Complaint number' }) },
  { additionalProperties: false },
);

export const EndBody = Type.Object(
  {
    note: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'Internal note written to every attached complaint',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CallListQuery = Type.Object({
  open: Type.Optional(Type.Boolean({ description: 'true: calls not ended yet; false: ended' })),
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const CallSchema = Type.Object({
  id: Type.String(),
  phone: Type.String({ description: 'Masked: 138****8000' }),
  direction: Type.Enum(['inbound', 'outbound'] as const),
  startedAt: Iso,
  endedAt: Nullable(Iso),
  verified: Type.Boolean(),
  verificationMethod: Nullable(Type.Enum(['sms_code', 'complaint_number'] as const)),
  verifyAttemptsLeft: Type.Integer(),
  callerKnown: Type.Boolean({
    description: 'A complainant account or a complaint contact has this phone',
  }),
  complaints: Type.Array(
    Type.Object({
      number: Type.String(),
      status: Type.Enum(COMPLAINT_STATUSES),
      statusLabel: LocalTextSchema,
      typeName: LocalTextSchema,
      createdAt: Iso,
    }),
    { description: 'The caller\u2019s complaints, newest first; empty until verified' },
  ),
  attached: Type.Array(Type.String(), { description: 'Complaints attached to this call' }),
  note: Nullable(Type.String()),
});

export const CallListReply = Type.Object({
  items: Type.Array(CallSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const CodeReply = Type.Object({
  sent: Type.Literal(true),
  channel: Type.Literal('sms'),
  expiresInSeconds: Type.Integer(),
  resendAfterSeconds: Type.Integer(),
});
