// What a complainant can take away (Stage 5): the progress report and the receipt as PDFs, and
// the tracking page a signed SMS/email link opens without logging in.
import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../server/lib/api-schemas.js';
import { AppError } from '../../server/lib/errors.js';
import { checkTrackingToken, latestReceipt, progressReportPdf } from '../notifications/index.js';
import type { ComplaintsRouteDeps } from './routes.js';
import { ComplaintDetailSchema, NumberParams } from './schema.js';
import { findComplaintByNumber } from './repository.js';
import { complaintForCaller, loadDetail } from './use-cases/load-complaint.js';

const pdfReply = {
  description: 'A PDF document',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

export async function documentRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['complaints'];

  r.get(
    '/api/v1/complaints/:number/progress-report.pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The progress report as a PDF: timeline, stage, estimate, evidence with hashes',
        params: NumberParams,
        produces: ['application/pdf'],
        response: { 200: pdfReply, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { row } = await complaintForCaller(deps.db, req.principal, req.params.number);
      const pdf = await progressReportPdf(
        deps.db,
        row.id,
        req.locale,
        'Asia/Shanghai',
        deps.clock.now(),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="progress-${row.number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  r.get(
    '/api/v1/complaints/:number/receipt.pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The receipt (处理回执) of the latest result, as issued (409 before a result)',
        params: NumberParams,
        produces: ['application/pdf'],
        response: { 200: pdfReply, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { row } = await complaintForCaller(deps.db, req.principal, req.params.number);
      const receipt = await latestReceipt(
        { db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl },
        row.id,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="receipt-${row.number}.pdf"`)
        .header('x-receipt-code', receipt.code)
        .header('cache-control', 'private, no-store')
        .send(receipt.pdf);
    },
  );

  r.get(
    '/api/v1/complaints/track/link/:token',
    {
      config: {
        access: 'public',
        rateLimit: { max: deps.config.loginRateLimitPerMinute * 3, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'The tracking view a signed SMS/email link opens (valid 90 days, no login)',
        description:
          '403 link_invalid for a token we did not sign (or that was altered), 410 link_expired ' +
          'after 90 days; the web page then asks the person to log in or track by number.',
        params: TokenParams,
        response: { 200: ComplaintDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      const check = await checkTrackingToken(deps.db, req.params.token, deps.clock.now());
      if (!check.ok)
        throw new AppError(check.reason === 'expired' ? 'link_expired' : 'link_invalid');
      const row = await findComplaintByNumber(deps.db, check.number);
      if (!row) throw new AppError('link_invalid');
      return loadDetail(deps, row, { kind: 'tracker' }, req.locale);
    },
  );
}
