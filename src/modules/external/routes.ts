import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { AppError } from '../../server/lib/errors.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import {
  actorOf,
  ComplaintDetailSchema,
  ExternalPlatformSchema,
  findComplaintById,
  NumberParams,
} from '../complaints/index.js';
import type { ExternalDeps } from './deps.js';
import { requireExternalNumber, IMPORT_MAX_BYTES } from './import-rows.js';
import {
  findExternalCase,
  findPlatform,
  listPlatforms,
  presentCase,
  presentPlatform,
} from './repository.js';
import {
  CreatePlatformBody,
  ImportBodyDoc,
  ImportReport,
  InboundBody,
  InboundReply,
  LookupParams,
  LookupReply,
  PlatformList,
  PlatformParams,
  TransferBody,
  UpdateBody,
  UpdatePlatformBody,
  UpdateReply,
} from './schema.js';
import { applyExternalUpdate } from './use-cases/apply-update.js';
import { importUpdates } from './use-cases/import-updates.js';
import { importComplaint } from './use-cases/inbound-complaint.js';
import { changePlatform, createPlatform } from './use-cases/manage-platforms.js';
import { transferToPlatform } from './use-cases/transfer-to-platform.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** CSV bodies for the import: strict UTF-8 (the BOM is dropped), refused whole otherwise. */
async function csvScope(app: FastifyInstance, deps: ExternalDeps) {
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_req, body, done) => {
      try {
        done(null, utf8.decode(body as Buffer));
      } catch {
        done(
          new AppError('validation_failed', { body: { reason: 'invalid_format' } }, undefined, {
            zh: '文件不是 UTF-8 编码；请在表格软件中另存为“CSV UTF-8”后重新上传',
            en: 'The file is not UTF-8; save it as "CSV UTF-8" and upload it again',
          }),
        );
      }
    },
  );
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.post(
    '/api/v1/external-cases/import',
    {
      config: { access: 'external.update' },
      schema: {
        tags: ['external'],
        summary: 'Import status updates from external platforms as CSV (each row on its own)',
        description:
          'Body: text/csv. Rows are applied one by one; the report gives each row\u2019s result, ' +
          'and a bad row (named with its field) changes nothing. An unreadable file or header is ' +
          'refused whole with 400.',
        consumes: ['text/csv'],
        body: ImportBodyDoc,
        response: { 200: ImportReport, ...errorResponses },
      },
      // JSON parses fine elsewhere in the app; here only a CSV file is an answer.
      preValidation: async (req) => {
        if (!/^text\/csv\b/i.test(req.headers['content-type'] ?? '')) {
          throw new AppError('unsupported_media_type');
        }
      },
    },
    async (req) => {
      const { report, handedBack } = await importUpdates(deps, {
        principal: requirePrincipal(req),
        csv: req.body as string,
        locale: req.locale,
      });
      if (handedBack > 0) await deps.hooks.queueChanged();
      return report;
    },
  );
}

export async function externalRoutes(app: FastifyInstance, deps: ExternalDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['external'];
  const admin = (req: FastifyRequest) => ({
    db: deps.db,
    principal: requirePrincipal(req),
    now: deps.clock.now(),
  });

  r.get(
    '/api/v1/external-platforms',
    {
      config: { access: 'complaints.read' },
      schema: {
        tags,
        summary:
          'External complaint platforms (12315, 12345, 12305, 黑猫投诉, …), disabled ones too',
        response: { 200: PlatformList, ...errorResponses },
      },
    },
    async () => ({ items: (await listPlatforms(deps.db)).map(presentPlatform) }),
  );

  r.post(
    '/api/v1/external-platforms',
    {
      config: { access: 'external.manage' },
      schema: {
        tags,
        summary: 'Add an external platform (409 when the code is taken)',
        body: CreatePlatformBody,
        response: { 201: ExternalPlatformSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createPlatform(admin(req), req.body)),
  );

  r.patch(
    '/api/v1/external-platforms/:code',
    {
      config: { access: 'external.manage' },
      schema: {
        tags,
        summary: 'Rename, disable or re-enable an external platform',
        params: PlatformParams,
        body: UpdatePlatformBody,
        response: { 200: ExternalPlatformSchema, ...errorResponses },
      },
    },
    async (req) => changePlatform(admin(req), req.params.code, req.body),
  );

  r.post(
    '/api/v1/complaints/:number/external-transfers',
    {
      config: { access: 'complaints.work' },
      schema: {
        tags,
        summary: 'Send the case to an external platform with its number there (→ transferred)',
        description:
          'Unknown or disabled platform: 422 platform_unknown. A number the platform already has ' +
          'on record: 409 external_number_taken. A returned/resolved/closed update from the ' +
          'platform hands the case back to its handler.',
        params: NumberParams,
        body: TransferBody,
        response: { 200: ComplaintDetailSchema, ...errorResponses },
      },
    },
    async (req) =>
      transferToPlatform(
        deps,
        { principal: req.principal, number: req.params.number, locale: req.locale },
        req.body,
      ),
  );

  r.post(
    '/api/v1/external-cases/updates',
    {
      config: { access: 'external.update' },
      schema: {
        tags,
        summary: 'Record a status update from an external platform (API tokens may call this)',
        description:
          'Recorded on the complaint\u2019s timeline by the caller. The same status and note again ' +
          'change nothing; an update older than the one on record is kept on the timeline only.',
        body: UpdateBody,
        response: { 200: UpdateReply, ...errorResponses },
      },
    },
    async (req) => {
      const externalNumber = requireExternalNumber(req.body.externalNumber);
      const actor = await actorOf(deps.db, requirePrincipal(req));
      const applied = await applyExternalUpdate(deps, actor, {
        platform: req.body.platform,
        externalNumber,
        status: req.body.status,
        note: req.body.note?.trim() || null,
        at: req.body.at ? new Date(req.body.at) : null,
      });
      if (applied.handedBack) await deps.hooks.queueChanged();
      return {
        row: 1,
        ok: true,
        number: applied.number,
        error: null,
        externalCase: applied.externalCase,
        handedBack: applied.handedBack,
      };
    },
  );

  await app.register(csvScope, deps);

  r.post(
    '/api/v1/external-cases/inbound',
    {
      config: { access: 'external.update' },
      schema: {
        tags,
        summary: 'File a complaint that arrived from an external platform, with its number there',
        description:
          'Filed on the person\u2019s behalf with channel external (the usual checks and repeat ' +
          'filing apply). The same platform case again: 409 external_number_taken, with the ' +
          'complaint number in error.detail.',
        body: InboundBody,
        response: { 201: InboundReply, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await importComplaint(deps, {
          principal: requirePrincipal(req),
          input: req.body,
          ip: req.ip,
          locale: req.locale,
        }),
      ),
  );

  r.get(
    '/api/v1/external-cases/:platform/:externalNumber',
    {
      config: { access: 'complaints.read' },
      schema: {
        tags,
        summary: 'Find a complaint by its case number on an external platform',
        params: LookupParams,
        response: { 200: LookupReply, ...errorResponses },
      },
    },
    async (req) => {
      const platform = await findPlatform(deps.db, req.params.platform);
      if (!platform) throw new AppError('platform_unknown');
      const number = req.params.externalNumber.normalize('NFKC').trim();
      const found = await findExternalCase(deps.db, platform.code, number);
      if (!found) throw new AppError('external_case_not_found');
      return {
        number: (await findComplaintById(deps.db, found.complaintId))!.number,
        externalCase: presentCase(found, platform),
      };
    },
  );
}
