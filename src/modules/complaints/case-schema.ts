// Route schemas for the Stage 3 parts of a complaint view (queue, merchant side, external cases,
// collective case, links); other modules reuse them through the complaints index.
import { Type } from 'typebox';
import {
  EXTERNAL_STATUSES,
  MERCHANT_PHASES,
  REMEDY_KINDS,
  REMEDY_STATUSES,
} from '../../shared/cases.js';
import { COMPLAINT_STATUSES } from '../../shared/complaints.js';

export const LocalTextSchema = Type.Object({ zh: Type.String(), en: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });

/** Optional on every staff write: the version the change is based on (409 if no longer current). */
export const VersionField = Type.Optional(
  Type.Integer({
    minimum: 1,
    description:
      'The complaint version your change is based on; another current version → 409 version_conflict',
  }),
);

export const TeamHeadSchema = Type.Object({ code: Type.String(), name: LocalTextSchema });

export const RemedySchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(REMEDY_KINDS),
  amount: Nullable(Type.String({ description: 'Yuan with two decimals, e.g. "12.50"' })),
  note: Type.String(),
  proposedAt: Iso,
  proposedBy: Type.String(),
  respondBy: Iso,
  status: Type.Enum(REMEDY_STATUSES),
  respondedAt: Nullable(Iso),
  responseNote: Nullable(Type.String()),
});

export const ExternalPlatformSchema = Type.Object({
  code: Type.String(),
  name: LocalTextSchema,
  enabled: Type.Boolean(),
});

export const ExternalCaseSchema = Type.Object({
  platform: ExternalPlatformSchema,
  direction: Type.Enum(['outbound', 'inbound'] as const),
  externalNumber: Type.String(),
  status: Type.Enum(EXTERNAL_STATUSES),
  statusLabel: LocalTextSchema,
  statusNote: Nullable(Type.String()),
  statusAt: Iso,
});

export const CollectiveSummarySchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  status: Type.Enum(['open', 'closed'] as const),
  memberCount: Type.Integer(),
  merchantName: Nullable(Type.String()),
  progress: Nullable(Type.String()),
  progressAt: Nullable(Iso),
  createdAt: Iso,
});

export const LinkedComplaintSchema = Type.Object({
  number: Type.String(),
  status: Type.Enum(COMPLAINT_STATUSES),
  statusLabel: LocalTextSchema,
  note: Nullable(Type.String()),
});

/** Fields every complaint summary carries from Stage 3. */
export const CaseSummaryFields = {
  tags: Type.Array(Type.String()),
  version: Type.Integer({ description: 'Send back with a change; an older one gets 409' }),
  team: Nullable(TeamHeadSchema),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
};

/** Fields a complaint detail carries from Stage 3. */
export const CaseDetailFields = {
  language: Type.String(),
  merchant: Nullable(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      shop: Nullable(Type.String()),
      phase: Nullable(Type.Enum(MERCHANT_PHASES)),
      replyDueAt: Nullable(Iso),
      firstReplyAt: Nullable(Iso),
      remedies: Type.Array(RemedySchema),
    }),
  ),
  externalCases: Type.Array(ExternalCaseSchema),
  collective: Nullable(CollectiveSummarySchema),
  links: Type.Array(LinkedComplaintSchema),
  resolutionMethod: Nullable(Type.Enum(['service', 'merchant', 'arbitration'] as const)),
  escalatedAt: Nullable(Iso),
};
