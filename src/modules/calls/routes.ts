import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import type { CallsDeps } from './deps.js';
import {
  AttachBody,
  CallListQuery,
  CallListReply,
  CallParams,
  CallSchema,
  CodeReply,
  EndBody,
  StartCallBody,
  VerifyBody,
} from './schema.js';
import { attachComplaint } from './use-cases/attach-complaint.js';
import { endCall } from './use-cases/end-call.js';
import { getCall, listCallsFor } from './use-cases/read-calls.js';
import { sendCallCode } from './use-cases/send-code.js';
import { startCall } from './use-cases/start-call.js';
import { verifyCaller } from './use-cases/verify-caller.js';

export async function callsRoutes(app: FastifyInstance, deps: CallsDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['calls'];
  const config = { access: 'calls.handle' as const };
  const callReply = { 200: CallSchema, ...errorResponses };

  r.post(
    '/api/v1/calls',
    {
      config,
      schema: {
        tags,
        summary: 'Start a call with a phone number (the agent handles it)',
        description:
          'Nothing about the caller\u2019s complaints is disclosed until the caller is verified: only callerKnown. Personal accounts only (not API tokens).',
        body: StartCallBody,
        response: { 201: CallSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await startCall(deps, requirePrincipal(req), req.body)),
  );

  r.get(
    '/api/v1/calls',
    {
      config,
      schema: {
        tags,
        summary: 'My calls, newest first (a supervisor sees everyone\u2019s)',
        querystring: CallListQuery,
        response: { 200: CallListReply, ...errorResponses },
      },
    },
    async (req) => listCallsFor(deps, requirePrincipal(req), req.query),
  );

  r.get(
    '/api/v1/calls/:id',
    {
      config,
      schema: {
        tags,
        summary: 'A call; the caller\u2019s complaints once verified',
        description:
          'Only the call\u2019s agent or a supervisor; anyone else gets 404 call_not_found.',
        params: CallParams,
        response: callReply,
      },
    },
    async (req) => getCall(deps, requirePrincipal(req), req.params.id),
  );

  r.post(
    '/api/v1/calls/:id/code',
    {
      config,
      schema: {
        tags,
        summary: 'Send the caller a one-time code by SMS to read back',
        description:
          'Shares the number\u2019s one-time-code limits (one a minute, five an hour: 429 rate_limited). The code only verifies a call; it cannot log in. 503 otp_unavailable when no sender is configured.',
        params: CallParams,
        response: { 200: CodeReply, ...errorResponses },
      },
    },
    async (req) => sendCallCode(deps, requirePrincipal(req), req.params.id),
  );

  r.post(
    '/api/v1/calls/:id/verify',
    {
      config,
      schema: {
        tags,
        summary: 'Verify the caller: {code} or {complaintNumber, name}',
        description:
          'The code sent to the phone, or a complaint whose contact phone is this call\u2019s and whose contact name matches. Five attempts per call (then 429 rate_limited); a wrong one is 403 caller_not_verified with the attempts left in detail.',
        params: CallParams,
        body: VerifyBody,
        response: callReply,
      },
    },
    async (req) => verifyCaller(deps, requirePrincipal(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/calls/:id/complaints',
    {
      config,
      schema: {
        tags,
        summary: 'Attach a complaint worked during the call',
        description:
          'The caller\u2019s (by phone or account) once verified; before that, only one filed or re-filed for this phone during the call (file with POST /api/v1/complaints, channel phone, complainant {name, phone}).',
        params: CallParams,
        body: AttachBody,
        response: callReply,
      },
    },
    async (req) => attachComplaint(deps, requirePrincipal(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/calls/:id/end',
    {
      config,
      schema: {
        tags,
        summary: 'End the call',
        description:
          'Writes a public \u2018call\u2019 event {direction, minutes, verified} on each attached complaint and, with a note, an internal \u2018note\u2019 event. After this every change is 409 call_ended.',
        params: CallParams,
        body: EndBody,
        response: callReply,
      },
      // The note is optional, so the body may be left out altogether.
      preValidation: async (req) => {
        req.body ??= {};
      },
    },
    async (req) => endCall(deps, requirePrincipal(req), req.params.id, req.body),
  );
}
