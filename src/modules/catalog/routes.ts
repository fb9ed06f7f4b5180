import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../server/db/client.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { loadCatalog } from './repository.js';
import { CatalogReply } from './schema.js';

export async function catalogRoutes(app: FastifyInstance, deps: { db: Db }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/v1/catalog',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary:
          'What we accept: categories, their problem types, required fields and evidence, SLA',
        response: { 200: CatalogReply, ...errorResponses },
      },
    },
    async () => ({ categories: await loadCatalog(deps.db) }),
  );
}
