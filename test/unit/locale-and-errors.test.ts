import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../src/server/lib/locale.js';
import { fieldsFromAjv } from '../../src/server/plugins/errors.js';
import {
  ERRORS,
  FIELD_REASONS,
  errorMessage,
  fieldReasonMessage,
  type ErrorCode,
} from '../../src/shared/errors.js';

describe('pickLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-Hant-HK,zh;q=0.9', 'zh-CN'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-CN;q=0.5, en-US;q=0.8', 'en'],
    ['en;q=0.3, zh;q=0.7', 'zh-CN'],
    ['fr-FR,de;q=0.9', 'zh-CN'],
    ['fr-FR, en;q=0.1', 'en'],
    ['en;q=0', 'zh-CN'],
    ['en;q=abc', 'zh-CN'],
    ['*', 'zh-CN'],
    [';;;,,=,q=', 'zh-CN'],
    ['zh, en', 'zh-CN'],
    ['en, zh', 'en'],
  ] as const)('%j → %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});

describe('ERRORS table', () => {
  const codes = Object.keys(ERRORS) as ErrorCode[];

  it('has a status and both languages for every code', () => {
    expect(codes.length).toBeGreaterThanOrEqual(20);
    for (const code of codes) {
      const def = ERRORS[code];
      expect(def.zh.trim(), code).not.toBe('');
      expect(def.en.trim(), code).not.toBe('');
      expect(def.zh, code).not.toBe(def.en);
      expect(Number.isInteger(def.status), code).toBe(true);
      expect(def.status >= 400 && def.status <= 599, `${code}: ${def.status}`).toBe(true);
    }
  });

  it('maps the codes the API relies on to their statuses', () => {
    expect(ERRORS.validation_failed.status).toBe(400);
    expect(ERRORS.unauthenticated.status).toBe(401);
    expect(ERRORS.forbidden.status).toBe(403);
    expect(ERRORS.not_found.status).toBe(404);
    expect(ERRORS.email_taken.status).toBe(409);
    expect(ERRORS.rate_limited.status).toBe(429);
    expect(ERRORS.internal.status).toBe(500);
    expect(ERRORS.db_unavailable.status).toBe(503);
  });

  it('gives the message in the asked language', () => {
    expect(errorMessage('unauthenticated', 'zh-CN')).toBe('请先登录');
    expect(errorMessage('unauthenticated', 'en')).toBe('Please log in first');
  });

  it('has both languages for every field reason, with {n} in both or neither', () => {
    for (const [reason, def] of Object.entries(FIELD_REASONS)) {
      expect(def.zh.trim(), reason).not.toBe('');
      expect(def.en.trim(), reason).not.toBe('');
      expect(def.zh.includes('{n}'), reason).toBe(def.en.includes('{n}'));
    }
  });
});

describe('fieldReasonMessage', () => {
  it('substitutes {n}', () => {
    expect(fieldReasonMessage('too_short', 'en', { n: 10 })).toBe(
      'is too short (at least 10 characters)',
    );
    expect(fieldReasonMessage('too_short', 'zh-CN', { n: 10 })).toBe('长度不足（至少 10 个字符）');
    expect(fieldReasonMessage('too_long', 'zh-CN', { n: 200 })).toBe('过长（最多 200 个字符）');
  });

  it('returns plain reasons as they are', () => {
    expect(fieldReasonMessage('required', 'zh-CN')).toBe('必填');
    expect(fieldReasonMessage('required', 'en')).toBe('is required');
    expect(fieldReasonMessage('invalid_email', 'en', { n: 3 })).toBe(
      'is not a valid email address',
    );
  });
});

function ajvError(
  keyword: string,
  instancePath: string,
  params: Record<string, unknown>,
): ErrorObject {
  return { keyword, instancePath, schemaPath: `#/${keyword}`, params };
}

describe('fieldsFromAjv', () => {
  it('names the missing property for required', () => {
    expect(fieldsFromAjv([ajvError('required', '', { missingProperty: 'email' })])).toEqual({
      email: { reason: 'required' },
    });
    expect(fieldsFromAjv([ajvError('required', '/contact', { missingProperty: 'phone' })])).toEqual(
      { 'contact.phone': { reason: 'required' } },
    );
  });

  it('names the unknown property for additionalProperties', () => {
    expect(
      fieldsFromAjv([ajvError('additionalProperties', '', { additionalProperty: 'isAdmin' })]),
    ).toEqual({ isAdmin: { reason: 'unknown_field' } });
  });

  it('maps type, minLength, maxLength, format, enum and ranges', () => {
    const fields = fieldsFromAjv([
      ajvError('type', '/age', { type: 'integer' }),
      ajvError('minLength', '/password', { limit: 10 }),
      ajvError('maxLength', '/description', { limit: 200 }),
      ajvError('format', '/email', { format: 'email' }),
      ajvError('format', '/website', { format: 'uri' }),
      ajvError('enum', '/role', { allowedValues: ['agent', 'admin'] }),
      ajvError('maximum', '/limit', { comparison: '<=', limit: 100 }),
      ajvError('pattern', '/code', { pattern: '^\\d{6}$' }),
    ]);
    expect(fields).toEqual({
      age: { reason: 'wrong_type' },
      password: { reason: 'too_short', params: { n: 10 } },
      description: { reason: 'too_long', params: { n: 200 } },
      email: { reason: 'invalid_email' },
      website: { reason: 'invalid_format' },
      role: { reason: 'invalid_value' },
      limit: { reason: 'out_of_range' },
      code: { reason: 'invalid_format' },
    });
  });

  it('joins nested paths with dots and calls the root "body"', () => {
    expect(
      fieldsFromAjv([
        ajvError('type', '/items/0/name', { type: 'string' }),
        ajvError('type', '', { type: 'object' }),
      ]),
    ).toEqual({ 'items.0.name': { reason: 'wrong_type' }, body: { reason: 'wrong_type' } });
  });

  it('keeps the first problem for a field', () => {
    expect(
      fieldsFromAjv([
        ajvError('minLength', '/name', { limit: 1 }),
        ajvError('pattern', '/name', { pattern: '.' }),
      ]),
    ).toEqual({ name: { reason: 'too_short', params: { n: 1 } } });
  });

  it('returns nothing for no errors', () => {
    expect(fieldsFromAjv([])).toEqual({});
  });
});
