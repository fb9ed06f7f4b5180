// One error shape for every failure: {"error":{"code","message","fields"}} in the caller's
// language; internals are never shown on 5xx.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  ERRORS,
  errorMessage,
  fieldReasonMessage,
  type ErrorBody,
  type ErrorCode,
  type FieldReason,
} from '../../shared/errors.js';
import type { LocalText } from '../../shared/text.js';
import { pickLocale } from '../lib/locale.js';
import { AppError, type FieldProblem } from '../lib/errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

declare module 'fastify' {
  interface FastifyRequest {
    locale: 'zh-CN' | 'en';
  }
}

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    // Unknown fields are an error, not silently dropped; types are never coerced in bodies.
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    allErrors: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const paramAjv = makeAjv(true);

export function fieldsFromAjv(errors: ErrorObject[]): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const e of errors) {
    const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    let name = base;
    let problem: FieldProblem;
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        name = [base, String(params.missingProperty)].filter(Boolean).join('.');
        problem = { reason: 'required' };
        break;
      case 'additionalProperties':
        name = [base, String(params.additionalProperty)].filter(Boolean).join('.');
        problem = { reason: 'unknown_field' };
        break;
      case 'type':
        problem = { reason: 'wrong_type' };
        break;
      case 'minLength':
        problem = { reason: 'too_short', params: { n: Number(params.limit) } };
        break;
      case 'maxLength':
        problem = { reason: 'too_long', params: { n: Number(params.limit) } };
        break;
      case 'format':
        problem = { reason: params.format === 'email' ? 'invalid_email' : 'invalid_format' };
        break;
      case 'pattern':
        problem = { reason: 'invalid_format' };
        break;
      case 'enum':
      case 'const':
      case 'anyOf':
        problem = { reason: 'invalid_value' };
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'minItems':
      case 'maxItems':
        problem = { reason: 'out_of_range' };
        break;
      default:
        problem = { reason: 'invalid_value' };
    }
    const key = name || 'body';
    if (!fields[key]) fields[key] = problem;
  }
  // A nullable or union field with a bad member reports the member ('x.value: out of range') and
  // the union itself ('x: wrong type'); the specific problem is the one worth saying.
  for (const key of Object.keys(fields)) {
    if (Object.keys(fields).some((k) => k.startsWith(`${key}.`))) delete fields[key];
  }
  return fields;
}

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  fields?: Record<string, FieldProblem>,
  detail?: LocalText,
) {
  const body: ErrorBody = { error: { code, message: errorMessage(code, request.locale) } };
  if (detail) body.error.detail = request.locale === 'en' ? detail.en : detail.zh;
  if (fields && Object.keys(fields).length > 0) {
    body.error.fields = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [
        k,
        fieldReasonMessage(v.reason as FieldReason, request.locale, v.params),
      ]),
    );
  }
  return reply.status(ERRORS[code].status).type('application/json; charset=utf-8').send(body);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
};

async function errorsPlugin(app: FastifyInstance) {
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
  });

  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : paramAjv;
    return ajv.compile(schema);
  });
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return sendError(reply, request, error.code, error.fields, error.detail);
    }
    if (error.validation) {
      return sendError(
        reply,
        request,
        'validation_failed',
        fieldsFromAjv(error.validation as ErrorObject[]),
      );
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(reply, request, mapped);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return sendError(
        reply,
        request,
        error.statusCode === 404 ? 'not_found' : 'validation_failed',
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'internal');
  });
}

export default fp(errorsPlugin, { name: 'redress-errors' });
