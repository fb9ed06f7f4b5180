import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../server/db/client.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { listAudit } from './record.js';

const AuditQuery = Type.Object(
  {
    targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({
    kind: Type.String(),
    id: Type.Union([Type.String(), Type.Null()]),
    role: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
  }),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export async function auditRoutes(app: FastifyInstance, deps: { db: Db }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/v1/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first: staff actions and every reveal of personal data',
        description:
          'Filter by target (targetType=complaint&targetId=<complaint id>), actor (user:<id>) or ' +
          'action; page with before=<id of the last entry seen>.',
        querystring: AuditQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listAudit(deps.db, req.query) }),
  );
}
