// Route schemas for SLA policies and escalation rules (OpenAPI and validation from one source).
import { Type } from '@fastify/type-provider-typebox';
import { PRIORITIES } from '../../shared/catalog.js';
import { CLOCK_KINDS, SLA_UNITS } from '../../shared/sla.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });
export const LocalTextInput = Type.Object(
  { zh: Type.String({ maxLength: 100 }), en: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
);

export const DurationSchema = Type.Object(
  {
    value: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
    unit: Type.Enum(SLA_UNITS, {
      description: 'hours = wall clock (24×7); working_hours / working_days on the calendar',
    }),
  },
  { additionalProperties: false },
);

const RegionExtraSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    name: LocalTextInput,
    countries: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 200 }),
    extraWorkingDays: Type.Integer({ minimum: 0, maximum: 60 }),
  },
  { additionalProperties: false },
);

export const PolicyInputSchema = Type.Object(
  {
    categoryCode: Type.String({ minLength: 1, maxLength: 60 }),
    typeCode: Type.String({ maxLength: 60, description: "'' = the category's default" }),
    calendarCode: Type.String({ minLength: 1, maxLength: 60 }),
    firstResponse: Nullable(DurationSchema),
    resolution: Nullable(DurationSchema),
    hardMax: Nullable(DurationSchema),
    warnFraction: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
    regionExtras: Type.Array(RegionExtraSchema, { maxItems: 50 }),
    repeatTarget: Nullable(DurationSchema),
  },
  { additionalProperties: false },
);

export const PolicyRowSchema = Type.Object({
  categoryCode: Type.String(),
  typeCode: Type.String(),
  calendarCode: Type.String(),
  firstResponse: Nullable(DurationSchema),
  resolution: Nullable(DurationSchema),
  hardMax: Nullable(DurationSchema),
  warnFraction: Type.Number(),
  regionExtras: Type.Array(RegionExtraSchema),
  repeatTarget: Nullable(DurationSchema),
  source: Type.Enum(['default', 'category', 'custom'] as const, {
    description:
      "default: the catalogue's seed figures; category: the category default an admin saved; custom: this row's own",
  }),
  updatedAt: Nullable(Iso),
  categoryName: LocalTextInput,
  typeName: Nullable(LocalTextInput),
});

const MatchSchema = Type.Object(
  {
    categories: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 })),
    types: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 200 })),
    priorities: Type.Optional(Type.Array(Type.Enum(PRIORITIES), { maxItems: 3 })),
  },
  { additionalProperties: false, description: 'Empty or absent = any' },
);

const ConditionSchema = Type.Union([
  Type.Object(
    {
      trigger: Type.Literal('elapsed'),
      since: Type.Enum(['accepted', 'last_progress'] as const),
      after: DurationSchema,
      untilTreated: Type.Boolean({ description: 'Stop waiting once staff first respond' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      trigger: Type.Literal('clock'),
      clock: Type.Enum(CLOCK_KINDS),
      state: Type.Enum(['warning', 'breached'] as const),
    },
    { additionalProperties: false },
  ),
]);

const ActionSchema = Type.Union([
  Type.Object({ do: Type.Literal('escalate_to_expert') }, { additionalProperties: false }),
  Type.Object(
    { do: Type.Literal('set_priority'), priority: Type.Enum(PRIORITIES) },
    { additionalProperties: false },
  ),
  Type.Object(
    { do: Type.Literal('add_tag'), tag: Type.String({ minLength: 1, maxLength: 12 }) },
    { additionalProperties: false },
  ),
  Type.Object({ do: Type.Literal('alert_supervisors') }, { additionalProperties: false }),
  Type.Object(
    {
      do: Type.Literal('set_express_tier'),
      tier: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
    },
    { additionalProperties: false },
  ),
  Type.Object({ do: Type.Literal('copy_regulator') }, { additionalProperties: false }),
]);

export const RuleInputSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
    name: LocalTextInput,
    enabled: Type.Boolean(),
    position: Type.Integer({ minimum: 0, maximum: 10_000 }),
    match: MatchSchema,
    condition: ConditionSchema,
    actions: Type.Array(ActionSchema, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);

export const RuleSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  ...RuleInputSchema.properties,
  updatedAt: Iso,
});

const TeamHead = Type.Object({ code: Type.String(), name: LocalTextInput });

export const AlertSchema = Type.Object({
  id: Type.Integer(),
  complaintNumber: Type.String(),
  ruleCode: Type.String(),
  ruleName: LocalTextInput,
  createdAt: Iso,
  acknowledgedAt: Nullable(Iso),
  acknowledgedBy: Nullable(Type.String()),
  assistTeams: Type.Array(TeamHead),
});

export const AssistTeamsReply = Type.Object({ assistTeams: Type.Array(TeamHead) });
