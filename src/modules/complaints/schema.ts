// Route schemas: request validation and the OpenAPI document come from these.
import { Type, type Static } from 'typebox';
import { FIELD_KINDS, PRIORITIES } from '../../shared/catalog.js';
import {
  CHANNELS,
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  DEMAND_MAX,
  DESCRIPTION_MAX,
  OPINION_MAX,
  STAFF_TRANSITIONS,
} from '../../shared/complaints.js';
import { NOTE_MAX, REPLY_MAX, TAG_MAX, TAGS_MAX } from '../../shared/cases.js';
import { CaseDetailFields, CaseSummaryFields, VersionField } from './case-schema.js';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });

export const NumberParams = Type.Object({
  number: Type.String({ description: 'Complaint number, e.g. TS20261122-000124-8' }),
});

export const FileBody = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 60, description: 'Problem type code' }),
    description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX }),
    demand: Type.String({ minLength: 1, maxLength: DEMAND_MAX }),
    fields: Type.Optional(
      Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 1000 }), {
        description: 'The type\u2019s required fields by key',
      }),
    ),
    channel: Type.Optional(Type.Enum(CHANNELS)),
    complainant: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 50 }),
          phone: Type.Optional(Type.String({ maxLength: 30 })),
          email: Type.Optional(Type.String({ maxLength: 254 })),
        },
        { additionalProperties: false, description: 'Staff and tokens: the person filed for' },
      ),
    ),
    contactName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    language: Type.Optional(
      Type.String({
        pattern: '^[a-z]{2}$',
        description:
          'Language the person needs (ISO 639-1, e.g. zh, en, ms); cross-border queues match it',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FileBody = Static<typeof FileBody>;

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});

export const ListQuery = Type.Object({
  category: Type.Optional(Type.String({ maxLength: 60 })),
  type: Type.Optional(Type.String({ maxLength: 60 })),
  status: Type.Optional(Type.String({ maxLength: 300, description: 'Comma-separated statuses' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  q: Type.Optional(Type.String({ maxLength: 30, pattern: '^[A-Za-z0-9-]+$' })),
  flagged: Type.Optional(Type.Boolean()),
  assignee: Type.Optional(
    Type.String({
      pattern: '^(me|none|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})$',
      description: 'Staff: me, none (waiting in a queue) or a person\u2019s id',
    }),
  ),
  team: Type.Optional(
    Type.String({ minLength: 1, maxLength: 60, description: 'Staff: team code' }),
  ),
  tag: Type.Optional(
    Type.String({ minLength: 1, maxLength: TAG_MAX, description: 'Staff: a tag' }),
  ),
  externalNumber: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 60,
      description: 'Staff: part of an external platform\u2019s case number (12315 …)',
    }),
  ),
  collective: Type.Optional(
    Type.String({ format: 'uuid', description: 'Staff: id of a collective case' }),
  ),
  sort: Type.Optional(
    Type.Enum(['newest', 'urgency'] as const, {
      description: 'newest first (default), or urgency: red first, then the oldest',
    }),
  ),
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});
export type ListQuery = Static<typeof ListQuery>;

export const TransitionBody = Type.Object(
  {
    action: Type.Enum(STAFF_TRANSITIONS),
    opinion: Type.Optional(Type.String({ maxLength: OPINION_MAX })),
    version: VersionField,
  },
  { additionalProperties: false },
);

export const MaterialRequestBody = Type.Object(
  {
    items: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1,
      maxItems: 10,
    }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    version: VersionField,
  },
  { additionalProperties: false },
);

export const InternalNoteBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: NOTE_MAX }), version: VersionField },
  { additionalProperties: false },
);

export const ReplyBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: REPLY_MAX }),
    macroId: Type.Optional(
      Type.String({ format: 'uuid', description: 'The canned reply the text started from' }),
    ),
    version: VersionField,
  },
  { additionalProperties: false },
);

export const TagsBody = Type.Object(
  {
    tags: Type.Array(Type.String({ maxLength: 60 }), {
      maxItems: 50,
      description: `The complete list: each trimmed to 1–${TAG_MAX} characters, duplicates dropped, at most ${TAGS_MAX}`,
    }),
    version: VersionField,
  },
  { additionalProperties: false },
);

export const EscalateBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }), version: VersionField },
  { additionalProperties: false },
);

export const RevealBody = Type.Object(
  {
    field: Type.String({
      pattern: '^(contact\\.(name|phone|email)|fields\\.[A-Za-z0-9_]{1,60})$',
      description: 'contact.name, contact.phone, contact.email or fields.<key>',
    }),
  },
  { additionalProperties: false },
);

export const RevealReply = Type.Object({
  field: Type.String(),
  value: Type.String({ description: 'The clear value; shown once, never stored or logged' }),
  auditId: Type.Integer({ description: 'The audit entry recording this read' }),
});

export const NoteBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const AppealBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const RatingBody = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const TrackBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 40 }),
    contact: Type.String({
      minLength: 1,
      maxLength: 254,
      description: 'Phone or email used at filing',
    }),
  },
  { additionalProperties: false },
);

const RequiredFieldSchema = Type.Object({
  key: Type.String(),
  kind: Type.Enum(FIELD_KINDS),
  label: Text,
  required: Type.Boolean(),
});

const Summary = {
  number: Type.String(),
  status: Type.Enum(COMPLAINT_STATUSES),
  statusLabel: Text,
  categoryCode: Type.String(),
  categoryName: Text,
  typeCode: Type.String(),
  typeName: Text,
  priority: Type.Enum(PRIORITIES),
  channel: Type.Enum(CHANNELS),
  description: Type.String(),
  complainantName: Nullable(Type.String()),
  flags: Type.Array(Type.String()),
  ...CaseSummaryFields,
  createdAt: Iso,
  updatedAt: Iso,
};

export const ComplaintSummarySchema = Type.Object(Summary);

const EvidenceItemSchema = Type.Object({
  seq: Type.Integer(),
  sha256: Type.String(),
  size: Type.Integer(),
  mime: Type.String(),
  kind: Type.Enum(['image', 'document', 'video'] as const),
  name: Type.String(),
  durationSeconds: Nullable(Type.Number()),
  evidenceKey: Nullable(Type.String()),
  uploadedAt: Iso,
  uploadedBy: Type.Enum(['complainant', 'staff', 'token'] as const),
  recordHash: Type.String(),
  url: Type.String(),
});

export const ComplaintDetailSchema = Type.Object({
  ...Summary,
  demand: Type.String(),
  fields: Type.Record(Type.String(), Type.String()),
  contact: Type.Object({
    name: Type.String(),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  }),
  rules: Type.Object({
    categoryCode: Type.String(),
    categoryName: Text,
    typeCode: Type.String(),
    typeName: Text,
    priority: Type.Enum(PRIORITIES),
    requiredFields: Type.Array(RequiredFieldSchema),
    requiredEvidence: Type.Array(Type.Object({ key: Type.String(), label: Text })),
    sla: Type.Object({
      firstResponseHours: Nullable(Type.Number()),
      resolutionHours: Nullable(Type.Number()),
      resolutionWorkingDays: Nullable(Type.Number()),
      maxWorkingDays: Nullable(Type.Number()),
      note: Text,
    }),
  }),
  stage: Type.Object({ label: Text, explanation: Text }),
  latestOpinion: Nullable(Type.Object({ text: Type.String(), at: Iso, by: Type.String() })),
  estimatedCompletion: Nullable(Type.Object({ at: Iso, basis: Type.Enum(['sla'] as const) })),
  openMaterialRequest: Nullable(
    Type.Object({
      id: Type.String(),
      items: Type.Array(Type.String()),
      note: Nullable(Type.String()),
      requestedAt: Iso,
      requestedBy: Type.String(),
      fulfilledAt: Nullable(Iso),
    }),
  ),
  appeal: Type.Object({
    deadline: Nullable(Iso),
    canAppeal: Type.Boolean(),
    appealedAt: Nullable(Iso),
  }),
  rating: Nullable(
    Type.Object({ score: Type.Integer(), comment: Nullable(Type.String()), at: Iso }),
  ),
  canRate: Type.Boolean(),
  repeatCount: Type.Integer(),
  timeline: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      type: Type.String(),
      at: Iso,
      actor: Type.Object({
        kind: Type.String(),
        role: Nullable(Type.String()),
        name: Type.String(),
      }),
      fromStatus: Nullable(Type.Enum(COMPLAINT_STATUSES)),
      toStatus: Nullable(Type.Enum(COMPLAINT_STATUSES)),
      action: Nullable(Type.Enum(COMPLAINT_ACTIONS)),
      opinion: Nullable(Type.String()),
      data: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  evidence: Type.Array(EvidenceItemSchema),
  allowedActions: Type.Array(Type.Enum(COMPLAINT_ACTIONS)),
  canUploadEvidence: Type.Boolean(),
  ...CaseDetailFields,
});

export const FilingReply = Type.Object({
  complaint: ComplaintDetailSchema,
  linkedToExisting: Type.Boolean(),
  notice: Nullable(Type.String()),
});

export const ListReply = Type.Object({
  items: Type.Array(ComplaintSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  from: Nullable(Iso),
  to: Nullable(Iso),
});
