// Filing and acting on complaints in integration tests, through the real API.
import type { LightMyRequestResponse } from 'fastify';
import type { AuthedClient, TestApp } from './app.js';
import { makePng } from './files.js';
import { multipart, type Part } from './multipart.js';

type Client = Pick<AuthedClient, 'headers'>;

/** A complete filing for 丢件 (express: parcel lost) with the given 运单号. */
export function lostParcel(waybill: string): Record<string, unknown> {
  return {
    type: 'parcel_lost',
    description: `快递${waybill}显示已签收，但我没有收到，联系快递员也没有回复`,
    demand: '退款',
    fields: { waybill_number: waybill, carrier: '顺丰速运' },
  };
}

export function fileComplaint(
  t: TestApp,
  who: Client,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: { ...who.headers, ...headers },
    payload: body,
  });
}

/** POST /api/v1/complaints/{number}/{path} as `who`. */
export function act(
  t: TestApp,
  who: Client,
  number: string,
  path: string,
  payload: Record<string, unknown> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${number}/${path}`,
    headers: who.headers,
    payload,
  });
}

export function upload(
  t: TestApp,
  who: Client,
  number: string,
  parts: Part[] = [{ filename: 'photo.png', contentType: 'image/png', content: makePng() }],
): Promise<LightMyRequestResponse> {
  const body = multipart(parts);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${number}/evidence`,
    headers: { ...who.headers, ...body.headers },
    payload: body.payload,
  });
}

export async function countRows(t: TestApp, table: string, where = 'true'): Promise<number> {
  const r = await t.database.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
  );
  return Number(r.rows[0]!.n);
}
