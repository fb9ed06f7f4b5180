import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../server/db/client.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { adminCatalogRoutes } from './admin-routes.js';
import { loadCatalog } from './repository.js';
import { CatalogReply, SuggestQuery, SuggestReply } from './schema.js';
import { suggestProblemTypes } from './use-cases/suggest-problem-types.js';

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

  r.get(
    '/api/v1/catalog/suggest',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Suggest problem types from free text (e.g. 快递丢了), best first',
        description:
          'Up to 5 enabled types with a score in 0..1. Types of refused categories (judicial ' +
          'claims) are included so the caller can show the refusal guidance.',
        querystring: SuggestQuery,
        response: { 200: SuggestReply, ...errorResponses },
      },
    },
    async (req) => ({ suggestions: await suggestProblemTypes({ q: req.query.q }, deps) }),
  );

  await adminCatalogRoutes(app, deps);
}
