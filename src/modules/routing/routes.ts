// Teams, people and routing rules (teams.manage), and a person's own availability.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, NoContent } from '../../server/lib/api-schemas.js';
import type { CaseHooks } from '../../server/lib/case-hooks.js';
import { AppError } from '../../server/lib/errors.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { actorOf } from '../complaints/index.js';
import type { RoutingDeps } from './deps.js';
import { loadAgents, loadTeams } from './repository.js';
import {
  AgentPatchBody,
  AgentProfileSchema,
  AvailabilityBody,
  CreateTeamBody,
  MembersBody,
  RoutingRuleSchema,
  RuleBody,
  RuleParams,
  TeamCodeParams,
  TeamSchema,
  UpdateTeamBody,
  UserIdParams,
} from './schema.js';
import { createTeam, setTeamMembers, updateTeam } from './use-cases/manage-teams.js';
import { deleteRule, listRules, setRule } from './use-cases/routing-rules.js';
import { updateAgent } from './use-cases/update-agent.js';

const tags = ['routing'];

export async function routingAdminRoutes(
  app: FastifyInstance,
  deps: RoutingDeps & { hooks: CaseHooks },
) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (req: FastifyRequest) => actorOf(deps.db, requirePrincipal(req));

  r.get(
    '/api/v1/teams',
    {
      config: { access: 'complaints.read' },
      schema: {
        tags,
        summary: 'Teams (queues) with their members and how much waits in each',
        response: { 200: Type.Array(TeamSchema), ...errorResponses },
      },
    },
    async () => loadTeams(deps.db),
  );

  r.post(
    '/api/v1/teams',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Add a team',
        body: CreateTeamBody,
        response: { 201: TeamSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createTeam(deps, await actor(req), req.body)),
  );

  r.patch(
    '/api/v1/teams/:code',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Rename, enable or disable a team (the code never changes)',
        description:
          'A team that routing rules still point at cannot be disabled (409): move its rules first. ' +
          'Complaints already in a disabled team\u2019s queue are still assigned to its members.',
        params: TeamCodeParams,
        body: UpdateTeamBody,
        response: { 200: TeamSchema, ...errorResponses },
      },
    },
    async (req) => updateTeam(deps, await actor(req), req.params.code, req.body),
  );

  r.put(
    '/api/v1/teams/:code/members',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Set the members of a team (replaces the list)',
        description:
          'Members are agents, experts or supervisors. A new member without a profile gets the ' +
          'default one (capacity 8, zh, Monday–Friday 09:00–18:00); waiting work is assigned at once.',
        params: TeamCodeParams,
        body: MembersBody,
        response: { 200: TeamSchema, ...errorResponses },
      },
    },
    async (req) => {
      const team = await setTeamMembers(deps, await actor(req), req.params.code, req.body.userIds);
      await deps.hooks.queueChanged();
      return (await loadTeams(deps.db)).find((t) => t.code === team.code) ?? team;
    },
  );

  r.get(
    '/api/v1/agents',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'People who can be given complaints: capacity, hours, absence, load, availability',
        response: { 200: Type.Array(AgentProfileSchema), ...errorResponses },
      },
    },
    async () => loadAgents(deps.db, deps.clock.now()),
  );

  r.patch(
    '/api/v1/agents/:userId',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Set a person\u2019s capacity, skills, languages, working hours or absence',
        description:
          'Creates the profile when the person has none (agents, experts and supervisors only). ' +
          'Hours are China time; a shift whose end is before its start runs past midnight.',
        params: UserIdParams,
        body: AgentPatchBody,
        response: { 200: AgentProfileSchema, ...errorResponses },
      },
    },
    async (req) => {
      const profile = await updateAgent(deps, await actor(req), req.params.userId, req.body, false);
      await deps.hooks.queueChanged();
      return (await loadAgents(deps.db, deps.clock.now(), [profile.userId]))[0] ?? profile;
    },
  );

  const me = async (req: FastifyRequest) => {
    const a = await actor(req);
    if (!a.userId) throw new AppError('agent_not_found');
    return a;
  };

  r.get(
    '/api/v1/me/availability',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'My profile as the assigner sees it: capacity, hours, absence, load, availability',
        response: { 200: AgentProfileSchema, ...errorResponses },
      },
    },
    async (req) => {
      const a = await me(req);
      const [profile] = await loadAgents(deps.db, deps.clock.now(), [a.userId!]);
      if (!profile) throw new AppError('agent_not_found');
      return profile;
    },
  );

  r.patch(
    '/api/v1/me/availability',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'Set my own absence (away from / back at); null clears either end',
        body: AvailabilityBody,
        response: { 200: AgentProfileSchema, ...errorResponses },
      },
    },
    async (req) => {
      const a = await me(req);
      const profile = await updateAgent(deps, a, a.userId!, req.body, true);
      await deps.hooks.queueChanged();
      return (await loadAgents(deps.db, deps.clock.now(), [profile.userId]))[0] ?? profile;
    },
  );

  r.get(
    '/api/v1/routing/rules',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Which team each category (typeCode \u2018\u2019) or problem type routes to',
        response: { 200: Type.Array(RoutingRuleSchema), ...errorResponses },
      },
    },
    async () => listRules(deps.db),
  );

  r.put(
    '/api/v1/routing/rules',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Route a category or one problem type to a team (creates or replaces the rule)',
        description:
          'A problem type\u2019s own rule wins over its category\u2019s. Applies to complaints filed ' +
          'from now on; cases already filed keep their team (move them with …/assignment).',
        body: RuleBody,
        response: { 200: RoutingRuleSchema, ...errorResponses },
      },
    },
    async (req) => setRule(deps, await actor(req), req.body),
  );

  const removeRule = async (
    req: FastifyRequest,
    key: { categoryCode: string; typeCode?: string },
  ) => {
    await deleteRule(deps, await actor(req), {
      categoryCode: key.categoryCode,
      typeCode: key.typeCode ?? '',
    });
    return null;
  };
  const deleteSchema = {
    tags,
    summary: 'Remove a routing rule (its complaints then follow the category rule, if any)',
    response: { 204: NoContent, ...errorResponses },
  };

  r.delete(
    '/api/v1/routing/rules/:categoryCode',
    {
      config: { access: 'teams.manage' },
      schema: {
        ...deleteSchema,
        summary:
          'Remove the category-wide routing rule (its types without their own rule are then unrouted)',
        params: Type.Object({ categoryCode: Type.String({ maxLength: 100 }) }),
      },
    },
    async (req, reply) => reply.status(204).send(await removeRule(req, req.params)),
  );

  r.delete(
    '/api/v1/routing/rules/:categoryCode/:typeCode',
    { config: { access: 'teams.manage' }, schema: { ...deleteSchema, params: RuleParams } },
    async (req, reply) => reply.status(204).send(await removeRule(req, req.params)),
  );

  r.delete(
    '/api/v1/routing/rules',
    {
      config: { access: 'teams.manage' },
      schema: {
        ...deleteSchema,
        summary: 'Remove a routing rule named in the query (same as the path form)',
        querystring: Type.Object({
          categoryCode: Type.String({ minLength: 1, maxLength: 100 }),
          typeCode: Type.Optional(Type.String({ maxLength: 100 })),
        }),
      },
    },
    async (req, reply) => reply.status(204).send(await removeRule(req, req.query)),
  );
}
