// Route schemas for external platforms: request validation and the OpenAPI document.
import { Type } from 'typebox';
import { EXTERNAL_STATUSES } from '../../shared/cases.js';
import { OPINION_MAX } from '../../shared/complaints.js';
import {
  ComplaintDetailSchema,
  ExternalCaseSchema,
  ExternalPlatformSchema,
  FileBody,
} from '../complaints/index.js';
import { EXTERNAL_NUMBER_MAX, IMPORT_MAX_ROWS, STATUS_NOTE_MAX } from './import-rows.js';

const Code = Type.String({
  pattern: '^[a-z0-9_]{2,20}$',
  description: '2\u201320 of a\u2013z, 0\u20139 and _; fixed once created',
});
const Name = Type.Object(
  {
    zh: Type.String({ minLength: 1, maxLength: 60 }),
    en: Type.String({ minLength: 1, maxLength: 60 }),
  },
  { additionalProperties: false },
);
const ExternalNumber = Type.String({
  minLength: 1,
  maxLength: EXTERNAL_NUMBER_MAX,
  description: 'The case number on the platform (trimmed; 1\u201360 characters)',
});

export const PlatformList = Type.Object({ items: Type.Array(ExternalPlatformSchema) });

export const CreatePlatformBody = Type.Object(
  { code: Code, name: Name },
  { additionalProperties: false },
);

export const PlatformParams = Type.Object({ code: Type.String({ maxLength: 20 }) });

export const UpdatePlatformBody = Type.Object(
  { name: Type.Optional(Name), enabled: Type.Optional(Type.Boolean()) },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'A disabled platform takes no new transfers; its cases still get updates',
  },
);

export const TransferBody = Type.Object(
  {
    platform: Type.String({ minLength: 1, maxLength: 20, description: 'Platform code' }),
    externalNumber: ExternalNumber,
    note: Type.String({ minLength: 1, maxLength: OPINION_MAX, description: 'Why it goes there' }),
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The complaint version you saw; an older one is refused with 409',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UpdateBody = Type.Object(
  {
    platform: Type.String({ minLength: 1, maxLength: 20, description: 'Platform code' }),
    externalNumber: ExternalNumber,
    status: Type.Enum(EXTERNAL_STATUSES),
    note: Type.Optional(Type.String({ maxLength: STATUS_NOTE_MAX })),
    at: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'When it happened on the platform (not in the future); default now',
      }),
    ),
  },
  { additionalProperties: false },
);

const ErrorOfRow = Type.Object({
  code: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String({ description: 'The CSV column (or API field) at fault' })),
});

const ResultFields = {
  row: Type.Integer({ description: '1-based CSV data row (header excluded); 1 for the API' }),
  ok: Type.Boolean(),
  number: Type.Union([Type.String(), Type.Null()], { description: 'The complaint number' }),
  error: Type.Union([ErrorOfRow, Type.Null()]),
};

export const UpdateReply = Type.Object({
  ...ResultFields,
  externalCase: ExternalCaseSchema,
  handedBack: Type.Boolean({
    description: 'The update returned the case to its handler (→ investigating)',
  }),
});

export const ImportReport = Type.Object({
  total: Type.Integer(),
  applied: Type.Integer(),
  failed: Type.Integer(),
  results: Type.Array(Type.Object(ResultFields)),
});

export const ImportBodyDoc = {
  content: {
    'text/csv': {
      schema: Type.String({
        description:
          `UTF-8 (a BOM is fine), at most ${IMPORT_MAX_ROWS} rows and 2 MB. Header ` +
          '`platform,external_number,status,note,at` or `平台,外部编号,状态,说明,时间`; status as a ' +
          'code or its Chinese/English label; at as ISO 8601 or "YYYY-MM-DD HH:MM" China time.',
      }),
    },
  },
};

export const InboundBody = Type.Object(
  {
    platform: Type.String({ minLength: 1, maxLength: 20, description: 'Platform code' }),
    externalNumber: ExternalNumber,
    complaint: Type.Object(
      {
        type: FileBody.properties.type,
        description: FileBody.properties.description,
        demand: FileBody.properties.demand,
        fields: FileBody.properties.fields,
        complainant: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 50 }),
            phone: Type.Optional(Type.String({ maxLength: 30 })),
            email: Type.Optional(Type.String({ maxLength: 254 })),
          },
          { additionalProperties: false, description: 'A phone or an email is required' },
        ),
        language: FileBody.properties.language,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const InboundReply = Type.Object({
  complaint: ComplaintDetailSchema,
  externalCase: ExternalCaseSchema,
  linkedToExisting: Type.Boolean({
    description: 'The person had an open complaint about this; the case was added to it',
  }),
});

export const LookupParams = Type.Object({
  platform: Type.String({ maxLength: 20 }),
  externalNumber: Type.String({ minLength: 1, maxLength: 200 }),
});

export const LookupReply = Type.Object({
  number: Type.String({ description: 'The complaint number' }),
  externalCase: ExternalCaseSchema,
});
