import { Type } from 'typebox';
import { FIELD_KINDS, PRIORITIES } from '../../shared/catalog.js';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const ProblemTypeSchema = Type.Object({
  code: Type.String(),
  name: Text,
  priority: Type.Enum(PRIORITIES),
  requiredFields: Type.Array(
    Type.Object({
      key: Type.String(),
      kind: Type.Enum(FIELD_KINDS),
      label: Text,
      required: Type.Boolean(),
    }),
  ),
  requiredEvidence: Type.Array(Type.Object({ key: Type.String(), label: Text })),
  sla: Type.Object({
    firstResponseHours: NullableNumber,
    resolutionHours: NullableNumber,
    resolutionWorkingDays: NullableNumber,
    maxWorkingDays: NullableNumber,
    note: Text,
  }),
});

export const CategorySchema = Type.Object({
  code: Type.String(),
  name: Text,
  description: Text,
  accepted: Type.Boolean({ description: 'false: the intake refuses it and shows refusalGuidance' }),
  refusalGuidance: Type.Union([Text, Type.Null()]),
  types: Type.Array(ProblemTypeSchema),
});

export const CatalogReply = Type.Object({ categories: Type.Array(CategorySchema) });

export const SuggestQuery = Type.Object(
  { q: Type.String({ maxLength: 200, description: 'What the person typed' }) },
  { additionalProperties: false },
);

export const TypeSuggestionSchema = Type.Object({
  categoryCode: Type.String(),
  typeCode: Type.String(),
  categoryName: Text,
  typeName: Text,
  score: Type.Number({ minimum: 0, maximum: 1 }),
});

export const SuggestReply = Type.Object({ suggestions: Type.Array(TypeSuggestionSchema) });
