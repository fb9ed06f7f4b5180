// Queues and the hand-offs of one complaint: claim (认领), release back to the queue, and
// reassignment (转派) to another team or person.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../server/lib/api-schemas.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import type { Principal } from '../../server/plugins/auth.js';
import type { Locale } from '../../shared/errors.js';
import { can } from '../../shared/roles.js';
import { ComplaintDetailSchema, NumberParams } from '../complaints/index.js';
import type { RoutingDeps } from './deps.js';
import { loadTeams, myLoad, teamIdsOf } from './repository.js';
import { AssignmentBody, ClaimBody, QueuesReply, ReleaseBody } from './schema.js';
import { claimComplaint } from './use-cases/claim-complaint.js';
import { reassignComplaint, releaseComplaint } from './use-cases/reassign-complaint.js';

const tags = ['routing'];
const detailReply = { 200: ComplaintDetailSchema, ...errorResponses };

export async function queueRoutes(app: FastifyInstance, deps: RoutingDeps & { hooks: CaseHooks }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const caller = (
    req: { principal: Principal | null; params: { number: string }; locale: Locale },
    version?: number,
  ) => ({ principal: req.principal, number: req.params.number, locale: req.locale, version });

  r.get(
    '/api/v1/queues',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'My work and my teams\u2019 queues (supervisors: every team)',
        description:
          'The complaints themselves: GET /api/v1/complaints with the assignee/team filters.',
        response: { 200: QueuesReply, ...errorResponses },
      },
    },
    async (req) => {
      const p = requirePrincipal(req);
      const userId = p.kind === 'user' ? p.userId : null;
      const everyTeam = can(p.role, 'complaints.assign');
      const teams = everyTeam
        ? await loadTeams(deps.db)
        : await loadTeams(deps.db, userId ? await teamIdsOf(deps.db, userId) : []);
      return { mine: userId ? await myLoad(deps.db, userId) : { open: 0, red: 0 }, teams };
    },
  );

  r.post(
    '/api/v1/complaints/:number/claim',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'Claim (认领) a complaint waiting in one of my teams\u2019 queues',
        description:
          'Supervisors may claim from any queue. 409 conflict when someone else holds it, ' +
          '409 at_capacity when I already hold as many as my capacity allows. Send {}.',
        params: NumberParams,
        body: ClaimBody,
        response: detailReply,
      },
    },
    async (req) => claimComplaint(deps, caller(req, req.body.version)),
  );

  r.post(
    '/api/v1/complaints/:number/release',
    {
      config: { access: 'complaints.read' },
      schema: {
        tags,
        summary: 'Hand a complaint back to its team queue (its holder, or complaints.assign)',
        description:
          'The person it is taken from is not given it again automatically (they can still claim it).',
        params: NumberParams,
        body: ReleaseBody,
        response: detailReply,
      },
    },
    async (req) => releaseComplaint(deps, caller(req, req.body.version), req.body),
  );

  r.post(
    '/api/v1/complaints/:number/assignment',
    {
      config: { access: 'complaints.read' },
      schema: {
        tags,
        summary: 'Reassign (转派) to another team, and optionally a named member of it',
        description:
          'The holder may move what they hold; complaints.assign may move anything. A named ' +
          'assignee must be an active member of the team with room (400 assigneeId otherwise); ' +
          'without one the complaint waits in the team queue and the assigner picks someone.',
        params: NumberParams,
        body: AssignmentBody,
        response: detailReply,
      },
    },
    async (req) => reassignComplaint(deps, caller(req, req.body.version), req.body),
  );
}
