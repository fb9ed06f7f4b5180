// Catalogue editing for admins (catalog.manage) and the full view for staff (catalog.view).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { loadAdminCatalog } from './admin-repository.js';
import {
  AdminCatalogReply,
  AdminCategorySchema,
  AdminTypeSchema,
  CodeParams,
  CreateCategoryBody,
  CreateTypeBody,
  UpdateCategoryBody,
  UpdateTypeBody,
} from './admin-schema.js';
import type { CatalogDeps } from './deps.js';
import { createCategory } from './use-cases/create-category.js';
import { createProblemType } from './use-cases/create-problem-type.js';
import { updateCategory } from './use-cases/update-category.js';
import { updateProblemType } from './use-cases/update-problem-type.js';

const tags = ['catalog'];

export async function adminCatalogRoutes(app: FastifyInstance, deps: CatalogDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/v1/catalog/admin',
    {
      config: { access: 'catalog.view' },
      schema: {
        tags,
        summary: 'The whole catalogue as stored: disabled types, keywords, sort order, updatedAt',
        response: { 200: AdminCatalogReply, ...errorResponses },
      },
    },
    async () => ({ categories: await loadAdminCatalog(deps.db) }),
  );

  r.post(
    '/api/v1/catalog/categories',
    {
      config: { access: 'catalog.manage' },
      schema: {
        tags,
        summary: 'Add a category',
        body: CreateCategoryBody,
        response: { 201: AdminCategorySchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const category = await createCategory(req.body, deps);
      req.log.info({ category: category.code }, 'catalogue category created');
      return reply.status(201).send(category);
    },
  );

  r.patch(
    '/api/v1/catalog/categories/:code',
    {
      config: { access: 'catalog.manage' },
      schema: {
        tags,
        summary: 'Change a category (the code never changes); complaints already filed keep theirs',
        params: CodeParams,
        body: UpdateCategoryBody,
        response: { 200: AdminCategorySchema, ...errorResponses },
      },
    },
    async (req) => {
      const category = await updateCategory(req.params.code, req.body, deps);
      req.log.info({ category: category.code }, 'catalogue category updated');
      return category;
    },
  );

  r.post(
    '/api/v1/catalog/types',
    {
      config: { access: 'catalog.manage' },
      schema: {
        tags,
        summary: 'Add a problem type to a category',
        body: CreateTypeBody,
        response: { 201: AdminTypeSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const type = await createProblemType(req.body, deps);
      req.log.info({ type: type.code }, 'catalogue type created');
      return reply.status(201).send(type);
    },
  );

  r.patch(
    '/api/v1/catalog/types/:code',
    {
      config: { access: 'catalog.manage' },
      schema: {
        tags,
        summary: 'Change a problem type; `enabled: false` retires it (there is no delete)',
        params: CodeParams,
        body: UpdateTypeBody,
        response: { 200: AdminTypeSchema, ...errorResponses },
      },
    },
    async (req) => {
      const type = await updateProblemType(req.params.code, req.body, deps);
      req.log.info({ type: type.code }, 'catalogue type updated');
      return type;
    },
  );
}
