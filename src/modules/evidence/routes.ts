import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../server/db/client.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import type { Clock } from '../../server/lib/clock.js';
import { AppError } from '../../server/lib/errors.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import type { EvidenceAccess } from './access.js';
import { addEvidence } from './add-evidence.js';
import { contentDisposition } from './present.js';
import { multipartOptions, receiveUpload } from './receive.js';
import { findRecord, listEvidence } from './repository.js';
import {
  AddedReply,
  EvidenceListReply,
  EvidenceVerificationSchema,
  FileParams,
  FileReplyDoc,
  NumberParams,
  UploadBodyDoc,
} from './schema.js';
import type { EvidenceStore } from './store.js';
import { verifyEvidence } from './verify.js';

export interface EvidenceRouteDeps {
  db: Db;
  store: EvidenceStore;
  access: EvidenceAccess;
  clock: Clock;
}

const BASE = '/api/v1/complaints/:number/evidence';

async function routes(app: FastifyInstance, deps: EvidenceRouteDeps) {
  // Only this scope parses multipart; JSON routes elsewhere keep refusing it with 415.
  await app.register(multipart, multipartOptions);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['evidence'];

  r.post(
    BASE,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Upload 1\u20133 evidence files (multipart field `files`, optional `evidenceKey`)',
        description:
          'The type is decided from the content. A refused or cut-off upload keeps nothing. ' +
          'Errors name the file as `files[i]` (0-based) or `files` for the count.',
        consumes: ['multipart/form-data'],
        params: NumberParams,
        body: UploadBodyDoc,
        response: { 201: AddedReply, ...errorResponses },
      },
    },
    async (req, reply) => {
      const principal = requirePrincipal(req);
      const target = await deps.access.forUpload(principal, req.params.number);
      const upload = await receiveUpload(req, deps.store);
      const added = await addEvidence(
        {
          complaintId: target.complaintId,
          principal,
          uploader: target.uploader,
          files: upload.files,
          evidenceKey: upload.evidenceKey,
        },
        deps,
      );
      return reply.status(201).send({ added });
    },
  );

  r.get(
    BASE,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The complaint\u2019s evidence, oldest first',
        params: NumberParams,
        response: { 200: EvidenceListReply, ...errorResponses },
      },
    },
    async (req) => {
      const t = await deps.access.forRead(req.principal, req.params.number);
      return { items: await listEvidence(deps.db, t.complaintId, t.number) };
    },
  );

  r.get(
    `${BASE}/verify`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Re-hash every file and record of the evidence chain',
        params: NumberParams,
        response: { 200: EvidenceVerificationSchema, ...errorResponses },
      },
    },
    async (req) => {
      const t = await deps.access.forRead(req.principal, req.params.number);
      return verifyEvidence(t, deps);
    },
  );

  r.get(
    `${BASE}/:seq/file`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Download one evidence file',
        params: FileParams,
        produces: ['image/png', 'image/jpeg', 'application/pdf', 'video/mp4'],
        response: { 200: FileReplyDoc, ...errorResponses },
      },
    },
    async (req, reply) => {
      const t = await deps.access.forRead(req.principal, req.params.number);
      const record = await findRecord(deps.db, t.complaintId, req.params.seq);
      if (!record) throw new AppError('not_found');
      const file = deps.store.path(record.sha256);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat) throw new AppError('not_found'); // lost from disk: verify reports file_missing
      return reply
        .type(record.mime)
        .header('content-length', stat.size)
        .header('content-disposition', contentDisposition(record.name))
        .header('cache-control', 'private, no-store')
        .send(createReadStream(file));
    },
  );
}

/**
 * The evidence endpoints, in an encapsulated scope of their own. Register it where the auth and
 * errors plugins apply (every route is `authenticated`; `access` does the real checks).
 */
export async function evidenceRoutes(app: FastifyInstance, deps: EvidenceRouteDeps) {
  await app.register(routes, deps);
}
