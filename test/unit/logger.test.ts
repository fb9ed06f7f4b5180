import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/server/lib/logger.js';

const PHONE = '13800138000';
const ID = '110105199001011234';
const CARD = '6222021234567890';
const EMAIL = 'zhang.san@example.com';
const SECRETS = {
  password: 'hunter2-correct-horse',
  code: '482913',
  token: 'rdr_abcdefghijklmnopqrstuvwxyz012345',
  csrfToken: 'csrf-0f1e2d3c4b5a',
};
const BEARER = 'Bearer rdr_supersecretbearertoken';
const COOKIE = 'redress_session=s3ss10nc00k1e';

/** A logger built exactly as the app builds it, writing JSON lines into an array. */
function capture() {
  const lines: string[] = [];
  const logger = pino(loggerOptions('info'), { write: (s: string) => void lines.push(s) });
  return {
    logger,
    text: () => lines.join(''),
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

function expectNoClearValues(text: string) {
  for (const clear of [PHONE, ID, CARD, EMAIL, BEARER, COOKIE, ...Object.values(SECRETS)]) {
    expect(text).not.toContain(clear);
  }
  // The secrets' distinctive parts too, in case only a prefix was cut.
  expect(text).not.toContain('hunter2');
  expect(text).not.toContain('supersecretbearertoken');
  expect(text).not.toContain('s3ss10nc00k1e');
}

describe('logger redaction and masking', () => {
  it('masks personal data in the message text', () => {
    const c = capture();
    c.logger.info(`complaint from ${PHONE}, ID ${ID}, card ${CARD}, mail ${EMAIL}`);
    expectNoClearValues(c.text());
    expect(c.records()[0]?.msg).toBe(
      'complaint from 138****8000, ID 110105********1234, card ************7890, mail z***@example.com',
    );
  });

  it('masks personal data in printf-style arguments', () => {
    const c = capture();
    c.logger.info('user %s called from %s', EMAIL, PHONE);
    expect(c.records()[0]?.msg).toBe('user z***@example.com called from 138****8000');
  });

  it('masks personal data in merged objects, nested ones included', () => {
    const c = capture();
    c.logger.info(
      { complainant: { phone: PHONE, email: EMAIL, docs: [{ id: ID }, CARD] } },
      'filed',
    );
    expectNoClearValues(c.text());
    expect(c.records()[0]?.complainant).toEqual({
      phone: '138****8000',
      email: 'z***@example.com',
      docs: [{ id: '110105********1234' }, '************7890'],
    });
  });

  it('redacts secret keys at the top level and one level down', () => {
    const c = capture();
    c.logger.info({ ...SECRETS, body: { ...SECRETS } }, 'secrets');
    const [rec] = c.records();
    expectNoClearValues(c.text());
    for (const key of ['password', 'code', 'token', 'csrfToken']) {
      expect(rec?.[key]).toBe('[redacted]');
      expect((rec?.body as Record<string, unknown>)[key]).toBe('[redacted]');
    }
  });

  it('redacts authorization and cookie headers', () => {
    const c = capture();
    c.logger.info({ headers: { authorization: BEARER, cookie: COOKIE } }, 'h');
    c.logger.info(
      {
        req: {
          method: 'GET',
          url: `/api/v1/users?phone=${PHONE}`,
          headers: { authorization: BEARER, cookie: COOKIE },
        },
      },
      'incoming request',
    );
    expectNoClearValues(c.text());
    const [plain, withReq] = c.records();
    expect(plain?.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]' });
    // The request serializer keeps only id, method and a masked url.
    expect(withReq?.req).toEqual({ method: 'GET', url: '/api/v1/users?phone=138****8000' });
  });

  // BUG: the err serializer hands maskPiiDeep the object pino builds (its prototype is not
  // Object.prototype), so nothing in it is masked: message, stack and extra fields such as a
  // pg error's `detail` go out in clear.
  it('masks personal data in logged errors', () => {
    const c = capture();
    const dbError = Object.assign(new Error('duplicate key value'), {
      detail: `Key (phone)=(${PHONE}) already exists.`,
    });
    c.logger.error({ err: new Error(`SMS to ${PHONE} failed`) }, 'send failed');
    c.logger.error({ err: dbError }, 'insert failed');
    c.logger.error(new Error(`mail to ${EMAIL} bounced`));
    expectNoClearValues(c.text());
    const [sms, db, mail] = c.records() as { err: Record<string, string>; msg: string }[];
    expect(sms?.err.message).toBe('SMS to 138****8000 failed');
    expect(db?.err.detail).toBe('Key (phone)=(138****8000) already exists.');
    expect(mail?.msg).toBe('mail to z***@example.com bounced');
  });

  it('serialises errors with their type and stack', () => {
    const c = capture();
    c.logger.error({ err: new TypeError('bad input') }, 'failed');
    const err = c.records()[0]?.err as Record<string, string>;
    expect(err.type).toBe('TypeError');
    expect(err.message).toBe('bad input');
    expect(err.stack).toMatch(/^TypeError: bad input\n\s+at /);
  });

  it('keeps values that are not personal data readable', () => {
    const c = capture();
    c.logger.info({ complaintNo: 'TS20261122-000123-7', at: '2026-11-22T10:30:00.000Z' }, 'ok');
    const [rec] = c.records();
    expect(rec?.complaintNo).toBe('TS20261122-000123-7');
    expect(rec?.at).toBe('2026-11-22T10:30:00.000Z');
    expect(rec?.level).toBe(30);
  });

  it('drops records below the configured level', () => {
    const c = capture();
    c.logger.debug({ phone: PHONE }, 'not written');
    expect(c.text()).toBe('');
  });

  // BUG: redaction paths reach only one level below the root, so a secret nested deeper
  // (a logged request body, a job payload) is written in clear.
  it('redacts secrets nested more than one level deep', () => {
    const c = capture();
    c.logger.info({ job: { payload: { password: SECRETS.password, code: SECRETS.code } } }, 'x');
    expect(c.text()).not.toContain(SECRETS.password);
    expect(c.text()).not.toContain(SECRETS.code);
  });
});
