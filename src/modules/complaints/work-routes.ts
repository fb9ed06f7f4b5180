// The agent's tools on a complaint (docs/CASEWORK.md): internal notes, replies, tags,
// escalation to the expert seat, and the audited reveal of personal data.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../server/lib/api-schemas.js';
import type { Principal } from '../../server/plugins/auth.js';
import type { Locale } from '../../shared/errors.js';
import type { ComplaintsDeps } from './deps.js';
import {
  ComplaintDetailSchema,
  EscalateBody,
  InternalNoteBody,
  NumberParams,
  ReplyBody,
  RevealBody,
  RevealReply,
  TagsBody,
} from './schema.js';
import type { ActCaller } from './use-cases/act-on-complaint.js';
import { escalateComplaint } from './use-cases/escalate-complaint.js';
import { revealPii } from './use-cases/reveal-pii.js';
import { addNote, replyToComplainant, setTags } from './use-cases/work-on-case.js';

type CallerOf = (req: {
  principal: Principal | null;
  params: { number: string };
  locale: Locale;
  body?: unknown;
}) => ActCaller;

const detailReply = { 200: ComplaintDetailSchema, ...errorResponses };
const WORK_RULES =
  'Agents and experts act only on complaints they hold, or claim one waiting in their own ' +
  'team\u2019s queue by acting on it (else 403 not_assignee). Send `version` from the complaint ' +
  'you saw: if it changed since, 409 version_conflict and nothing is saved.';

export async function caseWorkRoutes(app: FastifyInstance, deps: ComplaintsDeps, caller: CallerOf) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['complaints'];

  r.post(
    '/api/v1/complaints/:number/notes',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'Staff: add an internal note (never shown to the complainant or the merchant)',
        description: WORK_RULES,
        params: NumberParams,
        body: InternalNoteBody,
        response: detailReply,
      },
    },
    async (req) => addNote(deps, caller(req), req.body),
  );

  r.post(
    '/api/v1/complaints/:number/replies',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'Staff: reply to the complainant (they see the staff role, not the name)',
        description: `${WORK_RULES} macroId names the canned reply the text started from.`,
        params: NumberParams,
        body: ReplyBody,
        response: detailReply,
      },
    },
    async (req) => replyToComplainant(deps, caller(req), req.body),
  );

  r.put(
    '/api/v1/complaints/:number/tags',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'Staff: set the complaint\u2019s tags (the complete list)',
        description: `${WORK_RULES} The timeline records the tags added and removed.`,
        params: NumberParams,
        body: TagsBody,
        response: detailReply,
      },
    },
    async (req) => setTags(deps, caller(req), req.body),
  );

  r.post(
    '/api/v1/complaints/:number/escalate',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'Staff: escalate to the expert seat (red priority, tagged 紧急 and 已升级)',
        description:
          `${WORK_RULES} The complaint leaves its handler and waits in the expert seat\u2019s ` +
          'queue until the assigner gives it to an expert. 409 when it is no longer open or ' +
          'is already with the expert seat.',
        params: NumberParams,
        body: EscalateBody,
        response: detailReply,
      },
    },
    async (req) => escalateComplaint(deps, caller(req), req.body),
  );

  r.post(
    '/api/v1/complaints/:number/reveal',
    {
      config: { access: 'pii.reveal' },
      schema: {
        tags,
        summary: 'Staff: see the clear value of one masked field (audited)',
        description:
          'Agents and experts may reveal data of complaints they hold or that wait in their ' +
          'team\u2019s queue. Each reveal is an internal timeline event and one audit entry ' +
          '(auditId); the value itself is never stored or logged. Not a change: the version stays.',
        params: NumberParams,
        body: RevealBody,
        response: { 200: RevealReply, ...errorResponses },
      },
    },
    async (req) => revealPii(deps, caller(req), req.body.field),
  );
}
