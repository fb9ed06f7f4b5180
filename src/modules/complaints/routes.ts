import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../../server/config.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { requirePrincipal, type Principal } from '../../server/plugins/auth.js';
import type { Locale } from '../../shared/errors.js';
import type { ComplaintsDeps } from './deps.js';
import {
  AppealBody,
  ComplaintDetailSchema,
  FileBody,
  FilingReply,
  IdempotencyHeaders,
  ListQuery,
  ListReply,
  MaterialRequestBody,
  NoteBody,
  NumberParams,
  RatingBody,
  TrackBody,
  TransitionBody,
} from './schema.js';
import type { ActCaller } from './use-cases/act-on-complaint.js';
import { appealComplaint } from './use-cases/appeal-complaint.js';
import { fileComplaint } from './use-cases/file-complaint.js';
import { listComplaintsFor } from './use-cases/list-complaints.js';
import { complaintForCaller, loadDetail } from './use-cases/load-complaint.js';
import { rateComplaint } from './use-cases/rate-complaint.js';
import { pressComplaint } from './use-cases/press-complaint.js';
import { PressStateSchema } from './case-schema.js';
import { requestMaterials } from './use-cases/request-materials.js';
import { supplyMaterials } from './use-cases/supply-materials.js';
import { trackComplaint } from './use-cases/track-complaint.js';
import { documentRoutes } from './document-routes.js';
import { transitionComplaint } from './use-cases/transition-complaint.js';
import { caseWorkRoutes } from './work-routes.js';

export interface ComplaintsRouteDeps extends ComplaintsDeps {
  config: ComplaintsDeps['config'] & Pick<Config, 'loginRateLimitPerMinute' | 'publicUrl'>;
}

const detailReply = { 200: ComplaintDetailSchema, ...errorResponses };

/** The `version` a staff write names (validated as an integer by its body schema). */
function versionOf(body: unknown): number | undefined {
  const v = (body as { version?: unknown } | null | undefined)?.version;
  return typeof v === 'number' ? v : undefined;
}

export async function complaintsRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['complaints'];
  await documentRoutes(app, deps);

  r.post(
    '/api/v1/complaints',
    {
      config: { access: 'complaints.file' },
      schema: {
        tags,
        summary: 'File a complaint (for yourself, or as staff/token on a person\u2019s behalf)',
        description:
          'Send an Idempotency-Key header so a retried request never files twice. 201: filed; 200: linked to the person\u2019s open complaint about the same incident.',
        headers: IdempotencyHeaders,
        body: FileBody,
        response: { 200: FilingReply, 201: FilingReply, ...errorResponses },
      },
    },
    async (req, reply) => {
      const out = await fileComplaint(deps, {
        principal: requirePrincipal(req),
        body: req.body,
        idempotencyKey: req.headers['idempotency-key'] ?? null,
        ip: req.ip,
        locale: req.locale,
      });
      if (out.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(out.status).send(out.result);
    },
  );

  r.get(
    '/api/v1/complaints',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'My complaints (complainants: last 90 days by default, 180 at most); all for staff',
        querystring: ListQuery,
        response: { 200: ListReply, ...errorResponses },
      },
    },
    async (req) => listComplaintsFor(deps, req.principal, req.query),
  );

  r.post(
    '/api/v1/complaints/track',
    {
      config: {
        access: 'public',
        csrf: false,
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Track a complaint without logging in: number + the phone or email used at filing',
        body: TrackBody,
        response: detailReply,
      },
    },
    async (req) => trackComplaint(deps, { ...req.body, locale: req.locale }),
  );

  r.get(
    '/api/v1/complaints/:number',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'A complaint: processing chain, stage, latest opinion, estimate, evidence',
        params: NumberParams,
        response: detailReply,
      },
    },
    async (req) => {
      const { row, viewer } = await complaintForCaller(deps.db, req.principal, req.params.number);
      return loadDetail(deps, row, viewer, req.locale);
    },
  );

  const caller = (req: {
    principal: Principal | null;
    params: { number: string };
    locale: Locale;
    body?: unknown;
  }): ActCaller => ({
    principal: req.principal,
    number: req.params.number,
    locale: req.locale,
    version: versionOf(req.body),
  });

  r.post(
    '/api/v1/complaints/:number/transitions',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary:
          'Staff: move the complaint along its lifecycle (opinion required to resolve/reject/transfer)',
        params: NumberParams,
        body: TransitionBody,
        response: detailReply,
      },
    },
    async (req) => transitionComplaint(deps, caller(req), req.body),
  );

  r.post(
    '/api/v1/complaints/:number/material-requests',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'Staff: ask the complainant for specific materials (→ awaiting_materials)',
        params: NumberParams,
        body: MaterialRequestBody,
        response: detailReply,
      },
    },
    async (req) => requestMaterials(deps, caller(req), req.body),
  );

  r.post(
    '/api/v1/complaints/:number/materials',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Hand in the requested materials (upload evidence first) (→ investigating)',
        params: NumberParams,
        body: NoteBody,
        response: detailReply,
      },
    },
    async (req) => supplyMaterials(deps, caller(req), req.body),
  );

  r.post(
    '/api/v1/complaints/:number/appeal',
    {
      config: { access: 'portal.access' },
      schema: {
        tags,
        summary: 'Appeal the result within 7 days, with a reason and/or new evidence',
        params: NumberParams,
        body: AppealBody,
        response: detailReply,
      },
    },
    async (req) => appealComplaint(deps, caller(req), req.body),
  );

  r.post(
    '/api/v1/complaints/:number/rating',
    {
      config: { access: 'portal.access' },
      schema: {
        tags,
        summary: 'Rate the handling 1–5 with an optional comment, once, after the result',
        params: NumberParams,
        body: RatingBody,
        response: detailReply,
      },
    },
    async (req) => rateComplaint(deps, caller(req), req.body),
  );

  r.post(
    '/api/v1/complaints/:number/press',
    {
      config: { access: 'portal.access' },
      schema: {
        tags,
        summary: 'Press for progress (催办): the owner, at most once per 48 hours, while open',
        description:
          'Recorded on the timeline (type pressed) and counted on the case for the agent. ' +
          '429 press_too_soon within 48 h of the last press (the detail says when it is allowed); ' +
          '409 transition_not_allowed once the case is finished. No body.',
        params: NumberParams,
        response: { 200: PressStateSchema, ...errorResponses },
      },
    },
    async (req) => pressComplaint(deps, caller(req)),
  );

  await caseWorkRoutes(app, deps, caller);
}
