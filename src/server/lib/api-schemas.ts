import { Type } from 'typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String({
        description: 'In the caller\u2019s language (Accept-Language: zh-CN default, en)',
      }),
      fields: Type.Optional(Type.Record(Type.String(), Type.String())),
      detail: Type.Optional(
        Type.String({ description: 'Case-specific guidance, e.g. where to take a judicial claim' }),
      ),
    }),
  },
  { $id: 'ErrorResponse', description: 'Every error has this shape' },
);

/** Attach to every route's `response` so the OpenAPI document shows the error shape. */
export const errorResponses = { '4xx': ErrorResponse, '5xx': ErrorResponse } as const;

export const NoContent = Type.Null({ description: 'No content' });
