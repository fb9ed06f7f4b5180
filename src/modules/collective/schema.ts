// Route schemas for links and collective cases: request validation and the OpenAPI document.
import { Type } from 'typebox';
import { PRIORITIES } from '../../shared/catalog.js';
import { COMPLAINT_STATUSES } from '../../shared/complaints.js';
import { CollectiveSummarySchema, LocalTextSchema } from '../complaints/index.js';
import { MAX_MEMBERS, MIN_MEMBERS } from './rules.js';

const Numbers = (minItems: number, maxItems: number) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
    minItems,
    maxItems,
    description: 'Complaint numbers (TS…), distinct',
  });
const Title = Type.String({ minLength: 1, maxLength: 60 });

export const LinkBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 40, description: 'The related complaint' }),
    note: Type.Optional(Type.String({ maxLength: 200, description: 'Why they are related' })),
  },
  { additionalProperties: false },
);

export const LinkParams = Type.Object({
  number: Type.String({ description: 'Complaint number' }),
  other: Type.String({ description: 'The linked complaint\u2019s number' }),
});

export const CollectiveParams = Type.Object({
  id: Type.String({ description: 'Collective case id, or its number (JT20261123-0001)' }),
});

export const MemberParams = Type.Object({
  id: Type.String({ description: 'Collective case id or number' }),
  number: Type.String({ description: 'Member complaint number' }),
});

export const CreateCollectiveBody = Type.Object(
  {
    title: Title,
    numbers: Numbers(MIN_MEMBERS, MAX_MEMBERS),
    merchantId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'The merchant concerned; by default the one all members name, if any',
      }),
    ),
  },
  { additionalProperties: false },
);

export const JoinBody = Type.Object(
  { numbers: Numbers(1, MAX_MEMBERS) },
  { additionalProperties: false },
);

export const SplitBody = Type.Object(
  { numbers: Numbers(1, MAX_MEMBERS - 1), title: Title },
  { additionalProperties: false },
);

export const ProgressBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const CollectiveListQuery = Type.Object({
  status: Type.Optional(Type.Enum(['open', 'closed'] as const)),
  q: Type.Optional(Type.String({ maxLength: 60, description: 'Part of the number or title' })),
  merchantId: Type.Optional(Type.String({ format: 'uuid' })),
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const CollectiveListReply = Type.Object({
  items: Type.Array(CollectiveSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const CollectiveCaseSchema = Type.Object({
  ...CollectiveSummarySchema.properties,
  members: Type.Array(
    Type.Object({
      number: Type.String(),
      status: Type.Enum(COMPLAINT_STATUSES),
      statusLabel: LocalTextSchema,
      priority: Type.Enum(PRIORITIES),
      complainantName: Type.String({ description: 'Masked: 张*' }),
    }),
  ),
});

export const CollectiveSplitSchema = Type.Object({
  original: CollectiveCaseSchema,
  created: Type.Union([CollectiveCaseSchema, Type.Null()], {
    description: 'Null when a single complaint was split off (it is released instead)',
  }),
});
