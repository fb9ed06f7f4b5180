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
import { CLOCK_KINDS, CLOCK_STATES, SLA_UNITS } from '../../shared/sla.js';

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
const Colour = Type.Enum(['green', 'yellow', 'red', 'grey'] as const);

/** The headline SLA clock as lists show it (staff views). */
export const SlaBadgeSchema = Type.Object({
  kind: Type.Enum(CLOCK_KINDS),
  state: Type.Enum(CLOCK_STATES),
  colour: Colour,
  dueAt: Nullable(Iso),
  remainingMs: Nullable(
    Type.Number({ description: 'Working (or wall) ms left; negative = overdue by that much' }),
  ),
});

const ClockViewSchema = Type.Object({
  kind: Type.Enum(CLOCK_KINDS),
  state: Type.Enum(CLOCK_STATES),
  colour: Colour,
  target: Type.Object({ value: Type.Number(), unit: Type.Enum(SLA_UNITS) }),
  calendarCode: Nullable(Type.String()),
  startedAt: Iso,
  dueAt: Nullable(Iso),
  warnAt: Nullable(Iso),
  remainingMs: Nullable(Type.Number()),
  pausedSince: Nullable(Iso),
  metAt: Nullable(Iso),
  breachedAt: Nullable(Iso),
  problem: Nullable(
    Type.String({ description: "Why there is no due time, e.g. 'calendar_year_missing:2027'" }),
  ),
});

export const CaseSummaryFields = {
  tags: Type.Array(Type.String()),
  version: Type.Integer({ description: 'Send back with a change; an older one gets 409' }),
  team: Nullable(TeamHeadSchema),
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  sla: Nullable(SlaBadgeSchema),
  expressTier: Nullable(Type.Integer({ minimum: 1, maximum: 3 })),
};

export const PressStateSchema = Type.Object({
  count: Type.Integer(),
  lastAt: Nullable(Iso),
  nextAllowedAt: Nullable(Iso),
  canPress: Type.Boolean(),
});

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
  slaClocks: Nullable(
    Type.Object({
      state: Nullable(Type.Enum(CLOCK_STATES)),
      colour: Nullable(Colour),
      headline: Nullable(ClockViewSchema),
      clocks: Type.Array(ClockViewSchema),
    }),
  ),
  press: PressStateSchema,
  assistTeams: Type.Array(TeamHeadSchema),
};
