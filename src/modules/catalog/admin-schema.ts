// Request and reply shapes of catalogue editing. Types and lengths are checked here; the rules
// that need a clear reason (code format, unique keys, limits) are in validate.ts.
import { Type } from 'typebox';
import { FIELD_KINDS, PRIORITIES } from '../../shared/catalog.js';
import { LIMITS } from './validate.js';
import { CategorySchema, ProblemTypeSchema } from './schema.js';

const TextIn = (maxLength: number, description?: string) =>
  Type.Object(
    { zh: Type.String({ maxLength }), en: Type.String({ maxLength }) },
    { additionalProperties: false, ...(description ? { description } : {}) },
  );
const NullableHours = Type.Union([Type.Number(), Type.Null()], { description: '≥ 0, or null' });
const SortOrder = Type.Integer({ minimum: 0, maximum: 100_000 });
const Code = Type.String({
  maxLength: 100,
  description: '^[a-z][a-z0-9_]{1,39}$, unique; fixed once created (complaints refer to it)',
});

const FieldIn = Type.Object(
  {
    key: Type.String({ maxLength: 100, description: 'snake_case, unique within the type' }),
    kind: Type.Enum(FIELD_KINDS),
    label: TextIn(60),
    required: Type.Optional(Type.Boolean({ description: 'Default true' })),
  },
  { additionalProperties: false },
);
const EvidenceIn = Type.Object(
  {
    key: Type.String({ maxLength: 100, description: 'snake_case, unique within the type' }),
    label: TextIn(60),
  },
  { additionalProperties: false },
);
const SlaIn = Type.Object(
  {
    firstResponseHours: Type.Optional(NullableHours),
    resolutionHours: Type.Optional(NullableHours),
    resolutionWorkingDays: Type.Optional(NullableHours),
    maxWorkingDays: Type.Optional(NullableHours),
    note: Type.Optional(TextIn(200)),
  },
  {
    additionalProperties: false,
    description: 'On update, only the numbers given change; missing ones keep their value',
  },
);

const categoryProps = {
  name: TextIn(60, 'Both languages required'),
  description: Type.Optional(TextIn(200)),
  accepted: Type.Optional(Type.Boolean({ description: 'false: the intake refuses it' })),
  refusalGuidance: Type.Optional(
    Type.Union([TextIn(500), Type.Null()], {
      description: 'Required (both languages) when accepted is false',
    }),
  ),
  sortOrder: Type.Optional(SortOrder),
};

export const CreateCategoryBody = Type.Object(
  { code: Code, ...categoryProps },
  { additionalProperties: false },
);
export const UpdateCategoryBody = Type.Object(
  { ...categoryProps, name: Type.Optional(categoryProps.name) },
  { additionalProperties: false },
);

const typeProps = {
  categoryCode: Type.String({ maxLength: 100 }),
  name: TextIn(60, 'Both languages required'),
  priority: Type.Enum(PRIORITIES),
  requiredFields: Type.Optional(Type.Array(FieldIn, { description: `At most ${LIMITS.fields}` })),
  requiredEvidence: Type.Optional(
    Type.Array(EvidenceIn, { description: `At most ${LIMITS.evidence}` }),
  ),
  sla: Type.Optional(SlaIn),
  keywords: Type.Optional(
    Type.Array(Type.String({ maxLength: 30 }), {
      description: `Words people type for this problem, for the type suggester; at most ${LIMITS.keywords}`,
    }),
  ),
  enabled: Type.Optional(
    Type.Boolean({ description: 'false: hidden from the public catalogue and from filing' }),
  ),
  sortOrder: Type.Optional(SortOrder),
};

export const CreateTypeBody = Type.Object(
  { code: Code, ...typeProps },
  { additionalProperties: false },
);
export const UpdateTypeBody = Type.Object(
  {
    ...typeProps,
    categoryCode: Type.Optional(typeProps.categoryCode),
    name: Type.Optional(typeProps.name),
    priority: Type.Optional(typeProps.priority),
  },
  { additionalProperties: false },
);

export const CodeParams = Type.Object(
  { code: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
);

export const AdminTypeSchema = Type.Object({
  ...ProblemTypeSchema.properties,
  categoryCode: Type.String(),
  keywords: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  sortOrder: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const AdminCategorySchema = Type.Object({
  ...CategorySchema.properties,
  sortOrder: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  types: Type.Array(AdminTypeSchema, { description: 'Disabled types included' }),
});

export const AdminCatalogReply = Type.Object({ categories: Type.Array(AdminCategorySchema) });

export type CreateCategoryInput = Type.Static<typeof CreateCategoryBody>;
export type UpdateCategoryInput = Type.Static<typeof UpdateCategoryBody>;
export type CreateTypeInput = Type.Static<typeof CreateTypeBody>;
export type UpdateTypeInput = Type.Static<typeof UpdateTypeBody>;
export type AdminType = Type.Static<typeof AdminTypeSchema>;
export type AdminCategory = Type.Static<typeof AdminCategorySchema>;
