import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { ComplaintDetailSchema, NumberParams } from '../complaints/index.js';
import type { CollectiveDeps } from './deps.js';
import {
  CollectiveCaseSchema,
  CollectiveListQuery,
  CollectiveListReply,
  CollectiveParams,
  CollectiveSplitSchema,
  CreateCollectiveBody,
  JoinBody,
  LinkBody,
  LinkParams,
  MemberParams,
  ProgressBody,
  SplitBody,
} from './schema.js';
import { joinCollective, leaveCollective } from './use-cases/change-members.js';
import { createCollective } from './use-cases/create-collective.js';
import { linkComplaints, unlinkComplaints } from './use-cases/link-complaints.js';
import { postProgress } from './use-cases/post-progress.js';
import { getCollectiveCase, listCollectiveCases } from './use-cases/read-collective.js';
import { splitCollective } from './use-cases/split-collective.js';

export async function collectiveRoutes(app: FastifyInstance, deps: CollectiveDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['collective'];
  const work = { access: 'complaints.work' as const };
  const caseReply = { 200: CollectiveCaseSchema, ...errorResponses };

  r.post(
    '/api/v1/complaints/:number/links',
    {
      config: work,
      schema: {
        tags,
        summary: 'Link a related complaint (关联投诉)',
        description:
          'Records an internal \u2018linked\u2019 event on both complaints. Linking a pair again changes nothing. Answers the complaint named in the path.',
        params: NumberParams,
        body: LinkBody,
        response: { 200: ComplaintDetailSchema, ...errorResponses },
      },
    },
    async (req) =>
      linkComplaints(
        deps,
        { principal: req.principal, number: req.params.number, locale: req.locale },
        req.body,
      ),
  );

  r.delete(
    '/api/v1/complaints/:number/links/:other',
    {
      config: work,
      schema: {
        tags,
        summary: 'Remove the link between two complaints',
        description:
          'Records an internal \u2018unlinked\u2019 event on both; a pair that is not linked is answered unchanged.',
        params: LinkParams,
        response: { 200: ComplaintDetailSchema, ...errorResponses },
      },
    },
    async (req) =>
      unlinkComplaints(
        deps,
        { principal: req.principal, number: req.params.number, locale: req.locale },
        req.params.other,
      ),
  );

  r.post(
    '/api/v1/collective-cases',
    {
      config: work,
      schema: {
        tags,
        summary: 'Merge complaints into a collective case (集体投诉)',
        description:
          'Every member gets the 集体投诉 tag and a public \u2018collective_joined\u2019 event. A complaint already in another collective case: 409 already_in_collective naming it, and nothing changes.',
        body: CreateCollectiveBody,
        response: { 201: CollectiveCaseSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createCollective(deps, requirePrincipal(req), req.body)),
  );

  r.get(
    '/api/v1/collective-cases',
    {
      config: { access: 'complaints.read' },
      schema: {
        tags,
        summary: 'Collective cases, newest first',
        querystring: CollectiveListQuery,
        response: { 200: CollectiveListReply, ...errorResponses },
      },
    },
    async (req) => listCollectiveCases(deps, req.query),
  );

  r.get(
    '/api/v1/collective-cases/:id',
    {
      config: { access: 'complaints.read' },
      schema: {
        tags,
        summary: 'A collective case with its members (complainants\u2019 names masked)',
        params: CollectiveParams,
        response: caseReply,
      },
    },
    async (req) => getCollectiveCase(deps, req.params.id),
  );

  r.post(
    '/api/v1/collective-cases/:id/members',
    {
      config: work,
      schema: {
        tags,
        summary: 'Add complaints to an open collective case',
        description:
          'Members already in this case are skipped; one in another case: 409 already_in_collective and nothing changes.',
        params: CollectiveParams,
        body: JoinBody,
        response: caseReply,
      },
    },
    async (req) => joinCollective(deps, requirePrincipal(req), req.params.id, req.body),
  );

  r.delete(
    '/api/v1/collective-cases/:id/members/:number',
    {
      config: work,
      schema: {
        tags,
        summary: 'Take a complaint out of a collective case',
        description:
          'The complaint loses the 集体投诉 tag and gets a public \u2018collective_left\u2019 event. A case needs two complaints: when one would remain, the case closes and releases it too (reason \u2018closed\u2019).',
        params: MemberParams,
        response: caseReply,
      },
    },
    async (req) => leaveCollective(deps, requirePrincipal(req), req.params.id, req.params.number),
  );

  r.post(
    '/api/v1/collective-cases/:id/split',
    {
      config: work,
      schema: {
        tags,
        summary: 'Split: move the named members to a new collective case',
        description:
          'Each side must keep at least one complaint. A single complaint split off is released instead of forming a case (created: null); when a single complaint stays, the original case closes and releases it. 201 when a case was created, else 200.',
        params: CollectiveParams,
        body: SplitBody,
        response: { 200: CollectiveSplitSchema, 201: CollectiveSplitSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const out = await splitCollective(deps, requirePrincipal(req), req.params.id, req.body);
      return reply.status(out.created ? 201 : 200).send(out);
    },
  );

  r.post(
    '/api/v1/collective-cases/:id/progress',
    {
      config: work,
      schema: {
        tags,
        summary: 'Post progress every member sees',
        description:
          'Sets the case\u2019s progress and appends a public \u2018collective_update\u2019 event to every member complaint, so each complainant sees it on their own complaint.',
        params: CollectiveParams,
        body: ProgressBody,
        response: caseReply,
      },
    },
    async (req) => postProgress(deps, requirePrincipal(req), req.params.id, req.body),
  );
}
