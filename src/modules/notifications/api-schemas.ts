// Request and reply schemas of the notifications API (validation and the OpenAPI document).
import { Type } from 'typebox';
import { NOTIFY_CHANNELS, NOTIFY_NODES, OUTBOX_STATUSES } from '../../shared/notifications.js';

const Iso = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Node = Type.Enum([...NOTIFY_NODES]);
const Channel = Type.Enum([...NOTIFY_CHANNELS]);
const Locale = Type.Enum(['zh-CN', 'en'] as const);

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  node: Node,
  complaintNumber: Nullable(Type.String()),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Iso,
  readAt: Nullable(Iso),
});

export const BellReply = Type.Object({
  items: Type.Array(NotificationSchema),
  unread: Type.Integer({ description: 'Unread notifications in all' }),
  /** Pass as `before` for the next page. */
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});

export const BellQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Older than this id' })),
  unread: Type.Optional(Type.Boolean({ description: 'Only unread ones' })),
});

export const ReadBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200 })),
    all: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UnreadReply = Type.Object({ unread: Type.Integer() });

export const PreferencesSchema = Type.Object({
  sms: Type.Boolean(),
  email: Type.Boolean(),
  wechat: Type.Boolean(),
  wechatBound: Type.Boolean(),
  timeZone: Type.String(),
  phone: Nullable(Type.String({ description: 'Masked' })),
  emailAddress: Nullable(Type.String({ description: 'Masked' })),
  available: Type.Array(Channel),
});

export const PreferencesBody = Type.Object(
  {
    sms: Type.Optional(Type.Boolean()),
    email: Type.Optional(Type.Boolean()),
    wechat: Type.Optional(Type.Boolean()),
    timeZone: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const TemplateSchema = Type.Object({
  node: Node,
  channel: Channel,
  locale: Locale,
  subject: Nullable(Type.String()),
  body: Type.String(),
  customised: Type.Boolean(),
  updatedBy: Nullable(Type.String()),
  updatedAt: Nullable(Iso),
});

export const SwitchSchema = Type.Object({
  node: Node,
  channel: Channel,
  enabled: Type.Boolean(),
  customised: Type.Boolean(),
});

export const TemplatesReply = Type.Object({
  templates: Type.Array(TemplateSchema),
  switches: Type.Array(SwitchSchema),
  variables: Type.Record(Type.String(), Type.Array(Type.String())),
});

export const TemplateParams = Type.Object({ node: Node, channel: Channel, locale: Locale });
export const SwitchParams = Type.Object({ node: Node, channel: Channel });

export const TemplateBody = Type.Object(
  {
    subject: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
    body: Type.String({ maxLength: 10000 }),
  },
  { additionalProperties: false },
);

export const SwitchBody = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });

export const PreviewBody = Type.Object(
  {
    node: Node,
    channel: Channel,
    locale: Locale,
    subject: Type.Optional(Nullable(Type.String({ maxLength: 400 }))),
    body: Type.String({ maxLength: 10000 }),
    number: Type.Optional(
      Type.String({ description: 'Fill from this complaint instead of sample values' }),
    ),
  },
  { additionalProperties: false },
);

export const PreviewReply = Type.Object({
  subject: Nullable(Type.String()),
  body: Type.String(),
  html: Nullable(Type.String({ description: 'Email only: the HTML part' })),
  vars: Type.Record(Type.String(), Type.String()),
});

export const OutboxSchema = Type.Object({
  id: Type.Integer(),
  node: Node,
  channel: Channel,
  complaintNumber: Nullable(Type.String()),
  recipient: Type.String({ description: 'Masked' }),
  status: Type.Enum([...OUTBOX_STATUSES]),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  nextAttemptAt: Iso,
  lastError: Nullable(Type.String()),
  deferredReason: Nullable(Type.String()),
  createdAt: Iso,
  sentAt: Nullable(Iso),
});

export const OutboxQuery = Type.Object({
  status: Type.Optional(Type.Enum([...OUTBOX_STATUSES])),
  channel: Type.Optional(Channel),
  number: Type.Optional(Type.String({ maxLength: 40 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const OutboxReply = Type.Object({
  items: Type.Array(OutboxSchema),
  counts: Type.Record(Type.String(), Type.Integer()),
});

export const OutboxParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const ReceiptCheckSchema = Type.Object({
  code: Type.String(),
  valid: Type.Boolean(),
  problems: Type.Array(Type.Enum(['content_altered', 'pdf_altered'] as const)),
  number: Type.String(),
  outcome: Type.String(),
  type: Type.String(),
  resolvedAt: Type.String(),
  issuedAt: Iso,
  contentSha256: Type.String(),
  pdfSha256: Type.String({ description: 'SHA-256 of the PDF as issued: compare with your copy' }),
});

export const ReceiptParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
