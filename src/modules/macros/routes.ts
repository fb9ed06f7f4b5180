import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../server/db/client.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import type { Clock } from '../../server/lib/clock.js';
import { AppError } from '../../server/lib/errors.js';
import { requirePrincipal, type Principal } from '../../server/plugins/auth.js';
import { MACRO_VARIABLES, REPLY_MAX } from '../../shared/cases.js';
import { renderMacro } from '../../shared/macros.js';
import { can } from '../../shared/roles.js';
import { complaintForCaller, macroVariables, NumberParams } from '../complaints/index.js';
import { changeMacro, createMacro } from './manage-macros.js';
import { listMacros, usableMacro, type MacroScope } from './repository.js';

const MacroSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  teamCode: Type.Union([Type.String(), Type.Null()]),
  enabled: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
});

const VARIABLES = `Variables: ${MACRO_VARIABLES.map((v) => `{{${v}}}`).join(' ')}`;
const Title = Type.String({ minLength: 1, maxLength: 60 });
const Body = Type.String({ minLength: 1, maxLength: REPLY_MAX, description: VARIABLES });
const TeamCode = Type.Union([Type.String({ minLength: 1, maxLength: 60 }), Type.Null()], {
  description: 'The team whose members use it; null (or absent) = everyone',
});

const CreateBody = Type.Object(
  {
    title: Title,
    body: Body,
    teamCode: Type.Optional(TeamCode),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const PatchBody = Type.Partial(CreateBody, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ListQuery = Type.Object({
  usable: Type.Optional(
    Type.Boolean({
      description:
        'Only the enabled macros the caller may use on a complaint (managers otherwise see all)',
    }),
  ),
});

/** Managers (macros.manage) see every macro; workers the enabled ones for everyone or their teams. */
function scopeOf(principal: Principal): MacroScope {
  if (can(principal.role, 'macros.manage')) return { all: true };
  if (!can(principal.role, 'complaints.work')) throw new AppError('forbidden');
  return { all: false, userId: principal.kind === 'user' ? principal.userId : null };
}

export async function macrosRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['macros'];

  r.get(
    '/api/v1/macros',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Canned replies: all for managers, the usable ones for case workers',
        description:
          'Needs complaints.work or macros.manage. Workers see enabled macros for everyone or ' +
          'for one of their teams.',
        querystring: ListQuery,
        response: { 200: Type.Array(MacroSchema), ...errorResponses },
      },
    },
    async (req) => {
      const scope = scopeOf(requirePrincipal(req));
      return listMacros(deps.db, scope, { enabledOnly: req.query.usable === true });
    },
  );

  r.post(
    '/api/v1/macros',
    {
      config: { access: 'macros.manage' },
      schema: {
        tags,
        summary: 'Add a canned reply',
        description: `${VARIABLES}. An unknown variable → 400 (body: unknown_variable); a title in use → 409.`,
        body: CreateBody,
        response: { 201: MacroSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createMacro(deps, requirePrincipal(req), req.body)),
  );

  r.patch(
    '/api/v1/macros/:id',
    {
      config: { access: 'macros.manage' },
      schema: {
        tags,
        summary: 'Change a canned reply (title, body, team, enabled)',
        description: `${VARIABLES}. An unknown variable → 400 (body: unknown_variable); a title in use → 409.`,
        params: IdParams,
        body: PatchBody,
        response: { 200: MacroSchema, ...errorResponses },
      },
    },
    async (req) => changeMacro(deps, requirePrincipal(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/complaints/:number/macros/:id/render',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'A canned reply filled in for this complaint, to edit and send as a reply',
        description:
          `${VARIABLES}: the complaint number, the complainant\u2019s name, your name, the ` +
          'category, type and status in your language, the estimated completion date and ' +
          'today (China time). A variable without a value stays as written.',
        params: Type.Object({ ...NumberParams.properties, id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ text: Type.String() }), ...errorResponses },
      },
    },
    async (req) => {
      const principal = requirePrincipal(req);
      const { row, viewer } = await complaintForCaller(deps.db, principal, req.params.number);
      const macro = await usableMacro(deps.db, req.params.id, scopeOf(principal));
      if (!macro) throw new AppError('macro_not_found');
      const agent = viewer.kind === 'owner' || viewer.kind === 'merchant' ? '' : viewer.actor.name;
      const vars = macroVariables(row, agent, req.locale, deps.clock.now());
      return { text: renderMacro(macro.body, vars) };
    },
  );
}
