import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../server/db/client.js';
import { errorResponses, NoContent } from '../../server/lib/api-schemas.js';
import type { Clock } from '../../server/lib/clock.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { auditActorOf } from '../audit/index.js';
import { NumberParams } from '../complaints/index.js';
import { AlertSchema, AssistTeamsReply, RuleInputSchema, RuleSchema } from '../sla/index.js';
import { acknowledgeAlert, addAssistTeam, listAlerts } from './alerts.js';
import { createRule, deleteRule, listRules, updateRule } from './rules.js';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export async function escalationRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['escalation'];
  const actor = (req: Parameters<typeof requirePrincipal>[0]) =>
    auditActorOf(deps.db, requirePrincipal(req));

  r.get(
    '/api/v1/escalation/rules',
    {
      config: { access: 'sla.view' },
      schema: {
        tags,
        summary: 'Escalation rules (condition → actions), in the order they are applied',
        response: { 200: Type.Object({ rules: Type.Array(RuleSchema) }), ...errorResponses },
      },
    },
    async () => ({ rules: await listRules(deps.db) }),
  );

  r.post(
    '/api/v1/escalation/rules',
    {
      config: { access: 'sla.manage' },
      schema: {
        tags,
        summary: 'Add an escalation rule (admins; audited)',
        description:
          "Conditions: {trigger:'elapsed', since:'accepted'|'last_progress', after, untilTreated} " +
          "or {trigger:'clock', clock, state:'warning'|'breached'}. Actions: escalate_to_expert, " +
          'set_priority, add_tag, alert_supervisors, set_express_tier (2|3), copy_regulator. ' +
          'Elapsed rules time complaints accepted after the change.',
        body: RuleInputSchema,
        response: { 201: RuleSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createRule(deps.db, req.body, await actor(req), deps.clock.now())),
  );

  r.put(
    '/api/v1/escalation/rules/:id',
    {
      config: { access: 'sla.manage' },
      schema: {
        tags,
        summary: 'Change an escalation rule (admins; audited)',
        params: IdParams,
        body: RuleInputSchema,
        response: { 200: RuleSchema, ...errorResponses },
      },
    },
    async (req) => updateRule(deps.db, req.params.id, req.body, await actor(req), deps.clock.now()),
  );

  r.delete(
    '/api/v1/escalation/rules/:id',
    {
      config: { access: 'sla.manage' },
      schema: {
        tags,
        summary: 'Delete an escalation rule (admins; audited); its running timers stop',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteRule(deps.db, req.params.id, await actor(req), deps.clock.now());
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/escalation/alerts',
    {
      config: { access: 'escalation.handle' },
      schema: {
        tags,
        summary: 'Supervisors\u2019 escalation alerts (升级提醒), newest first',
        querystring: Type.Object(
          { state: Type.Optional(Type.Enum(['open', 'all'] as const, { default: 'open' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ alerts: Type.Array(AlertSchema) }),
          ...errorResponses,
        },
      },
    },
    async (req) => ({ alerts: await listAlerts(deps.db, req.query.state !== 'all') }),
  );

  r.post(
    '/api/v1/escalation/alerts/:id/acknowledge',
    {
      config: { access: 'escalation.handle' },
      schema: {
        tags,
        summary: 'Acknowledge an alert (a second acknowledgement keeps the first)',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 200: AlertSchema, ...errorResponses },
      },
    },
    async (req) =>
      acknowledgeAlert(deps.db, req.params.id, requirePrincipal(req), deps.clock.now()),
  );

  r.post(
    '/api/v1/complaints/:number/assist-teams',
    {
      config: { access: 'escalation.handle' },
      schema: {
        tags,
        summary: 'Ask a second team to assist (跨部门协查); recorded on the timeline',
        description: "Adding a team twice changes nothing; the case's own team is refused.",
        params: NumberParams,
        body: Type.Object(
          { teamCode: Type.String({ minLength: 1, maxLength: 60 }) },
          { additionalProperties: false },
        ),
        response: { 200: AssistTeamsReply, ...errorResponses },
      },
    },
    async (req) => ({
      assistTeams: await addAssistTeam(
        deps.db,
        req.params.number,
        req.body.teamCode,
        requirePrincipal(req),
        deps.clock.now(),
      ),
    }),
  );
}
