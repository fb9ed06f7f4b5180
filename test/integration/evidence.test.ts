// The evidence endpoints against a real PostgreSQL and a real store folder. Until the lead wires
// evidenceRoutes into buildApp, a minimal Fastify stands in: the real errors plugin, a header
// naming the caller, and an EvidenceAccess written here. Every refusal must leave the database
// and the store exactly as they were.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { count, eq, sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evidenceRoutes,
  EvidenceStore,
  type EvidenceAccess,
} from '../../src/modules/evidence/index.js';
import type { Db } from '../../src/server/db/client.js';
import {
  complaintEvents,
  complaints,
  evidenceBlobs,
  evidenceRecords,
  users,
} from '../../src/server/db/schema.js';
import { FixedClock } from '../../src/server/lib/clock.js';
import { AppError, fieldError } from '../../src/server/lib/errors.js';
import type { Principal } from '../../src/server/plugins/auth.js';
import errorsPlugin from '../../src/server/plugins/errors.js';
import type { EvidenceItem } from '../../src/shared/complaints.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import {
  makeExe,
  makeJpeg,
  makeMp4,
  makePdf,
  makePng,
  MB,
  multipartBody,
  type FormPart,
} from '../helpers/files.js';

let database: TestDatabase;
let db: Db;
let storeDir: string;
let store: EvidenceStore;
let app: FastifyInstance;
const clock = new FixedClock(new Date('2026-11-22T08:30:00.000Z'));
const principals = new Map<string, Principal>();
/** Codes of errors the handlers threw, in order (a cut-off client never sees its reply). */
const thrown: string[] = [];
const appended: { evidenceKey: string | null; seqs: number[]; visibleInTx: number }[] = [];

const user = (userId: string, role: 'complainant' | 'agent'): Principal => ({
  kind: 'user',
  userId,
  role,
  sessionId: 's',
  csrfToken: 'c',
});

async function findComplaint(principal: Principal | null, number: string) {
  if (!principal) throw new AppError('unauthenticated');
  const [c] = await db.select().from(complaints).where(eq(complaints.number, number));
  const own = principal.kind === 'user' && principal.role === 'complainant';
  if (!c || (own && c.complainantId !== principal.userId))
    throw new AppError('complaint_not_found');
  return c;
}

const access: EvidenceAccess = {
  async forRead(principal, number) {
    const c = await findComplaint(principal, number);
    return { complaintId: c.id, number: c.number };
  },
  async forUpload(principal, number) {
    const c = await findComplaint(principal, number);
    if (c.status === 'closed') throw new AppError('evidence_upload_closed');
    const uploader =
      principal!.kind === 'token'
        ? { kind: 'token' as const, id: principal!.tokenId }
        : principal!.role === 'complainant'
          ? { kind: 'complainant' as const, id: principal!.userId }
          : { kind: 'staff' as const, id: principal!.userId };
    return { complaintId: c.id, number: c.number, uploader };
  },
  async onAppended(tx, ctx) {
    const visible = await tx
      .select({ n: count() })
      .from(evidenceRecords)
      .where(eq(evidenceRecords.complaintId, ctx.complaintId));
    appended.push({
      evidenceKey: ctx.evidenceKey,
      seqs: ctx.items.map((i) => i.seq),
      visibleInTx: visible[0]!.n,
    });
    if (ctx.evidenceKey === 'not_on_checklist')
      throw fieldError('evidenceKey', 'invalid_evidence_key');
    await tx.insert(complaintEvents).values({
      complaintId: ctx.complaintId,
      seq: ctx.items[0]!.seq,
      type: 'evidence_added',
      actorKind: 'complainant',
      actorName: '您',
      data: { files: ctx.items.length },
    });
  },
};

let complainantId = '';
let otherId = '';
let complaintCount = 0;

async function newComplaint(status = 'investigating'): Promise<string> {
  complaintCount += 1;
  const number = `TS20261122-${String(complaintCount).padStart(6, '0')}-7`;
  const text = { zh: '测试', en: 'Test' };
  await db.insert(complaints).values({
    number,
    status,
    categoryCode: 'ecommerce',
    typeCode: 'not_delivered',
    rules: {
      categoryCode: 'ecommerce',
      categoryName: text,
      typeCode: 'not_delivered',
      typeName: text,
      priority: 'yellow',
      requiredFields: [],
      requiredEvidence: [],
      sla: {
        firstResponseHours: null,
        resolutionHours: null,
        resolutionWorkingDays: null,
        maxWorkingDays: null,
        note: text,
      },
    },
    priority: 'yellow',
    channel: 'web',
    complainantId,
    contact: { name: '张三', phone: '13800000001', email: null },
    description: '快递显示已签收但没有收到',
    demand: '补发',
    fields: {},
    filedByKind: 'complainant',
  });
  return number;
}

const file = (data: Buffer, filename = 'photo.png', contentType = 'image/png'): FormPart => ({
  name: 'files',
  data,
  filename,
  contentType,
});

function upload(number: string, parts: FormPart[], who = 'owner', lang = 'en') {
  const { body, contentType } = multipartBody(parts);
  return app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${number}/evidence`,
    headers: { 'content-type': contentType, 'x-test-principal': who, 'accept-language': lang },
    payload: body,
  });
}

function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function snapshot() {
  const [r] = await db.select({ n: count() }).from(evidenceRecords);
  const [b] = await db.select({ n: count() }).from(evidenceBlobs);
  return { records: r!.n, blobs: b!.n, files: filesIn(storeDir) };
}

/** Runs a refused upload and checks that nothing at all changed. */
async function expectRefused(
  run: () => Promise<{ statusCode: number; json(): unknown }>,
  status: number,
  error: Record<string, unknown>,
) {
  const before = await snapshot();
  const res = await run();
  expect(res.statusCode).toBe(status);
  expect((res.json() as { error: unknown }).error).toMatchObject(error);
  expect(await snapshot()).toEqual(before);
  expect(fs.readdirSync(store.tmpDir)).toEqual([]);
}

async function waitFor(cond: () => boolean, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-evidence-'));
  store = await EvidenceStore.open(storeDir);
  const [a] = await db
    .insert(users)
    .values({ role: 'complainant', name: '张三', phone: '13800000001' })
    .returning();
  const [o] = await db
    .insert(users)
    .values({ role: 'complainant', name: '李四', phone: '13800000002' })
    .returning();
  const [s] = await db
    .insert(users)
    .values({ role: 'agent', name: '客服', email: 'agent@example.com' })
    .returning();
  complainantId = a!.id;
  otherId = o!.id;
  principals.set('owner', user(complainantId, 'complainant'));
  principals.set('other', user(otherId, 'complainant'));
  principals.set('staff', user(s!.id, 'agent'));

  app = Fastify({ logger: false });
  await app.register(errorsPlugin);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    req.principal = principals.get(String(req.headers['x-test-principal'])) ?? null;
  });
  app.addHook('onError', async (_req, _reply, err) => {
    thrown.push(err instanceof AppError ? err.code : String((err as { code?: string }).code));
  });
  await app.register(async (scope) => evidenceRoutes(scope, { db, store, access, clock }));
  // A JSON route outside the evidence scope: multipart must stay unknown to it.
  app.post('/api/v1/elsewhere', async (req) => ({ got: req.body }));
  await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  // pool.end() resolves before its clients have hung up, and DROP DATABASE … WITH (FORCE) then
  // kills them; the FATAL they receive would surface as an unhandled pool error.
  database?.pool.on('error', () => undefined);
  await database?.drop();
  if (storeDir) fs.rmSync(storeDir, { recursive: true, force: true });
});

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const added = (res: { json(): unknown }) => (res.json() as { added: EvidenceItem[] }).added;
const get = (url: string, who = 'owner') =>
  app.inject({ url, headers: { 'x-test-principal': who, 'accept-language': 'en' } });
const verify = async (number: string) =>
  (await get(`/api/v1/complaints/${number}/evidence/verify`)).json() as Record<string, unknown>;

async function recordsOf(number: string) {
  const [c] = await db.select().from(complaints).where(eq(complaints.number, number));
  return db
    .select()
    .from(evidenceRecords)
    .where(eq(evidenceRecords.complaintId, c!.id))
    .orderBy(evidenceRecords.seq);
}

describe('uploading evidence', () => {
  it('accepts one to three files, stores each by its hash and chains the records', async () => {
    const number = await newComplaint();
    const png = makePng(2000);
    const jpeg = makeJpeg(3000);
    const pdf = makePdf(4000);
    const res = await upload(number, [
      file(png, '快递面单.png'),
      file(jpeg, '签收记录.jpg', 'image/jpeg'),
      file(pdf, '聊天记录.pdf', 'application/pdf'),
      { name: 'evidenceKey', data: 'waybill_photo' },
    ]);
    expect(res.statusCode).toBe(201);
    const items = added(res);
    expect(items.map((i) => [i.seq, i.kind, i.mime, i.name, i.size])).toEqual([
      [1, 'image', 'image/png', '快递面单.png', 2000],
      [2, 'image', 'image/jpeg', '签收记录.jpg', 3000],
      [3, 'document', 'application/pdf', '聊天记录.pdf', 4000],
    ]);
    expect(items[0]).toMatchObject({
      sha256: sha(png),
      durationSeconds: null,
      evidenceKey: 'waybill_photo',
      uploadedAt: '2026-11-22T08:30:00.000Z',
      uploadedBy: 'complainant',
      url: `/api/v1/complaints/${number}/evidence/1/file`,
    });
    for (const data of [png, jpeg, pdf]) {
      const stored = store.path(sha(data));
      const folder = path.join(storeDir, sha(data).slice(0, 2), sha(data).slice(2, 4));
      expect(path.dirname(stored)).toBe(folder);
      expect(fs.readFileSync(stored).equals(data)).toBe(true);
      expect(fs.statSync(stored).mode & 0o777).toBe(0o400);
    }
    expect(fs.readdirSync(store.tmpDir)).toEqual([]);
    // The complaints module saw the records inside the same transaction.
    expect(appended.at(-1)).toEqual({
      evidenceKey: 'waybill_photo',
      seqs: [1, 2, 3],
      visibleInTx: 3,
    });

    clock.advance(60_000);
    const more = await upload(number, [file(makeMp4(12), '开箱.mp4', 'video/mp4')], 'staff');
    expect(added(more)).toMatchObject([
      { seq: 4, kind: 'video', durationSeconds: 12, evidenceKey: null, uploadedBy: 'staff' },
    ]);

    const rows = await recordsOf(number);
    expect(rows.map((r) => r.prevHash)).toEqual([
      '0'.repeat(64),
      rows[0]!.recordHash,
      rows[1]!.recordHash,
      rows[2]!.recordHash,
    ]);
    expect(new Set(rows.slice(0, 3).map((r) => r.submissionId)).size).toBe(1);
    expect(rows[3]!.submissionId).not.toBe(rows[0]!.submissionId);

    const list = await get(`/api/v1/complaints/${number}/evidence`);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: EvidenceItem[] }).items).toEqual([...items, ...added(more)]);
    expect(await verify(number)).toEqual({
      valid: true,
      records: 4,
      firstBadRecord: null,
      problem: null,
      checkedAt: clock.now().toISOString(),
    });
  });

  it('refuses a 4th file, and keeps none of the first three', async () => {
    const number = await newComplaint();
    const four = [1, 2, 3, 4].map((n) => file(makePng(100 + n), `p${n}.png`));
    await expectRefused(() => upload(number, four), 400, {
      code: 'validation_failed',
      fields: { files: 'at most 3 files per submission; send more in a later submission' },
    });
    const six = [1, 2, 3, 4, 5, 6].map((n) => file(makePng(100 + n), `p${n}.png`));
    await expectRefused(() => upload(number, six, 'owner', 'zh-CN'), 400, {
      fields: { files: '每次最多上传 3 个文件，更多文件请分次提交' },
    });
    expect(added(await upload(number, four.slice(0, 3))).map((i) => i.seq)).toEqual([1, 2, 3]);
    expect(added(await upload(number, four.slice(3))).map((i) => i.seq)).toEqual([4]);
  });

  it('refuses a 6 MB PNG by its position, and drops the good file beside it', async () => {
    const number = await newComplaint();
    const parts = [file(makeJpeg(1000), 'ok.jpg', 'image/jpeg'), file(makePng(6 * MB), 'big.png')];
    await expectRefused(() => upload(number, parts), 400, {
      fields: { 'files[1]': 'is too large: images may be at most 5 MB' },
    });
    await expectRefused(() => upload(number, parts, 'owner', 'zh-CN'), 400, {
      fields: { 'files[1]': '文件过大：图片最大 5 MB' },
    });
    const exactly5 = await upload(number, [file(makePng(5 * MB), 'five.png')]);
    expect(added(exactly5)).toMatchObject([{ kind: 'image', size: 5 * MB }]);
  });

  it('takes a 6 MB JPEG as a scanned document and refuses one of 10 MB', async () => {
    const number = await newComplaint();
    const scan = await upload(number, [file(makeJpeg(6 * MB), '合同.jpg', 'image/jpeg')]);
    expect(added(scan)).toMatchObject([{ kind: 'document', mime: 'image/jpeg', size: 6 * MB }]);
    await expectRefused(
      () => upload(number, [file(makeJpeg(10 * MB), '合同2.jpg', 'image/jpeg')]),
      400,
      { fields: { 'files[0]': 'is too large: documents may be at most 10 MB' } },
    );
  });

  it('decides the type from the content: an EXE named .jpg is refused', async () => {
    const number = await newComplaint();
    await expectRefused(() => upload(number, [file(makeExe(), 'holiday.jpg', 'image/jpeg')]), 400, {
      fields: {
        'files[0]':
          'is not an allowed type (detected exe); only JPG, PNG, PDF and MP4 are accepted',
      },
    });
    await expectRefused(
      () => upload(number, [file(Buffer.from('just some text'), 'note.pdf', 'application/pdf')]),
      400,
      { fields: { 'files[0]': expect.stringContaining('(detected unknown)') } },
    );
    // A real PNG sent as "evil.exe" with a wrong type is still a PNG.
    const png = await upload(number, [file(makePng(), 'evil.exe', 'application/x-msdownload')]);
    expect(added(png)).toMatchObject([{ mime: 'image/png', name: 'evil.exe' }]);
  });

  it('reads a video\u2019s length from the file: 60 s is fine, 61 s is not', async () => {
    const number = await newComplaint();
    await expectRefused(() => upload(number, [file(makeMp4(61), 'long.mp4', 'video/mp4')]), 400, {
      fields: { 'files[0]': 'is 61 s long; videos may be at most 60 s' },
    });
    const ok = await upload(number, [
      file(makeMp4(60), 'a.mp4', 'video/mp4'),
      file(makeMp4(30, { moovAtEnd: true, version: 1 }), 'b.mp4', 'video/mp4'),
    ]);
    expect(added(ok)).toMatchObject([
      { kind: 'video', durationSeconds: 60 },
      { kind: 'video', durationSeconds: 30 },
    ]);
    const cut = makeMp4(10, { bytes: 5000 }).subarray(0, 4000);
    await expectRefused(() => upload(number, [file(cut, 'cut.mp4', 'video/mp4')]), 400, {
      fields: { 'files[0]': 'is incomplete or damaged and cannot be read' },
    });
  });

  it('refuses a video over 50 MB', async () => {
    const number = await newComplaint();
    await expectRefused(
      () => upload(number, [file(makeMp4(10, { bytes: 51 * MB }), 'big.mp4', 'video/mp4')]),
      400,
      { fields: { 'files[0]': 'is too large: videos may be at most 50 MB' } },
    );
  });

  it('refuses an empty file', async () => {
    const number = await newComplaint();
    await expectRefused(() => upload(number, [file(Buffer.alloc(0), 'empty.png')]), 400, {
      fields: { 'files[0]': 'is empty' },
    });
  });

  it('names missing, unknown and malformed fields', async () => {
    const number = await newComplaint();
    const png = file(makePng(), 'a.png');
    const cases: [FormPart[], Record<string, string>][] = [
      [[{ name: 'evidenceKey', data: 'x' }], { files: 'is required' }],
      [[png, { name: 'comment', data: 'hi' }], { comment: 'is not an allowed field' }],
      [[{ ...png, name: 'photo' }], { photo: 'is not an allowed field' }],
      [[{ name: 'files', data: 'not a file' }], { files: 'has the wrong type' }],
      [
        [png, { name: 'evidenceKey', data: 'k'.repeat(101) }],
        { evidenceKey: 'is too long (at most 100 characters)' },
      ],
    ];
    for (const [parts, fields] of cases) {
      await expectRefused(() => upload(number, parts), 400, { code: 'validation_failed', fields });
    }
  });

  it('answers 415 to a body that is not multipart, and multipart stays out of other routes', async () => {
    const number = await newComplaint();
    await expectRefused(
      () =>
        app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${number}/evidence`,
          headers: { 'x-test-principal': 'owner' },
          payload: { files: ['a.png'] },
        }),
      415,
      { code: 'unsupported_media_type' },
    );
    const { body, contentType } = multipartBody([file(makePng(), 'a.png')]);
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/v1/elsewhere',
      headers: { 'content-type': contentType },
      payload: body,
    });
    expect(elsewhere.statusCode).toBe(415);
    await expectRefused(
      () =>
        app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${number}/evidence`,
          headers: { 'x-test-principal': 'owner', 'content-type': 'multipart/form-data' },
          payload: body,
        }),
      400,
      { code: 'malformed_multipart' },
    );
  });

  it('passes the access object\u2019s refusals through, before reading the body', async () => {
    const number = await newComplaint();
    const closed = await newComplaint('closed');
    const parts = [file(makePng(), 'a.png')];
    await expectRefused(() => upload('TS20261122-999999-7', parts), 404, {
      code: 'complaint_not_found',
    });
    await expectRefused(() => upload(number, parts, 'other'), 404, { code: 'complaint_not_found' });
    await expectRefused(() => upload(closed, parts), 409, { code: 'evidence_upload_closed' });
    await expectRefused(() => upload(number, parts, 'nobody'), 401, { code: 'unauthenticated' });
    for (const suffix of ['', '/verify', '/1/file']) {
      const res = await get(`/api/v1/complaints/${number}/evidence${suffix}`, 'other');
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'complaint_not_found']);
    }
  });

  it('rolls back when the complaints module refuses in the transaction', async () => {
    const number = await newComplaint();
    const events = () => db.select({ n: count() }).from(complaintEvents);
    const [before] = await events();
    await expectRefused(
      () =>
        upload(number, [
          file(makePng(500), 'a.png'),
          { name: 'evidenceKey', data: 'not_on_checklist' },
        ]),
      400,
      { fields: { evidenceKey: 'is not an evidence item of this problem type' } },
    );
    expect(await events()).toEqual([before]);
  });
});

describe('what an upload leaves behind', () => {
  it('keeps nothing of an upload whose connection is cut mid-body', async () => {
    const number = await newComplaint();
    const before = await snapshot();
    const { body, contentType } = multipartBody([
      file(makePng(4000), 'first.png'),
      file(makeJpeg(3 * MB), 'second.jpg', 'image/jpeg'),
    ]);
    const { port } = app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(
      `POST /api/v1/complaints/${number}/evidence HTTP/1.1\r\nHost: localhost\r\n` +
        `Content-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n` +
        'X-Test-Principal: owner\r\n\r\n',
    );
    socket.write(body.subarray(0, body.length / 2));
    // The first file is staged and the second half-written before the client goes away.
    await waitFor(() => fs.readdirSync(store.tmpDir).length === 2, 'two temp files');
    const failures = thrown.length;
    socket.destroy();
    await waitFor(() => thrown.length > failures, 'the handler to give up');
    expect(thrown.at(-1)).toBe('malformed_multipart');
    expect(fs.readdirSync(store.tmpDir)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('stores identical content once and records it every time', async () => {
    const number = await newComplaint();
    const before = await snapshot();
    const pdf = makePdf(1234);
    const first = await upload(number, [
      file(pdf, 'a.pdf', 'application/pdf'),
      file(pdf, 'copy.pdf', 'application/pdf'),
    ]);
    const again = await upload(number, [file(pdf, 'again.pdf', 'application/pdf')]);
    expect([...added(first), ...added(again)].map((i) => [i.seq, i.sha256])).toEqual([
      [1, sha(pdf)],
      [2, sha(pdf)],
      [3, sha(pdf)],
    ]);
    const after = await snapshot();
    expect(after.records - before.records).toBe(3);
    expect(after.blobs - before.blobs).toBe(1);
    expect(after.files).toEqual([...before.files, store.path(sha(pdf))].sort());
    expect(fs.readdirSync(store.tmpDir)).toEqual([]);
  });

  it('gives concurrent uploads to one complaint consecutive seqs on one intact chain', async () => {
    const number = await newComplaint();
    const requests = Array.from({ length: 8 }, (_, r) =>
      upload(
        number,
        Array.from({ length: (r % 3) + 1 }, (_, f) =>
          file(makePng(200 + r * 10 + f), `${r}-${f}.png`),
        ),
      ),
    );
    const results = await Promise.all(requests);
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    for (const res of results) {
      const seqs = added(res).map((i) => i.seq);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    }
    const all = results.flatMap((r) => added(r).map((i) => i.seq)).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 15 }, (_, i) => i + 1)); // 1+2+3+1+2+3+1+2 files
    expect(await verify(number)).toMatchObject({ valid: true, records: 15 });
  });

  it('removes files it moved into the store when the transaction then fails', async () => {
    const number = await newComplaint();
    const existing = makePng(321);
    await upload(number, [file(existing, 'old.png')]);
    const before = await snapshot();
    const fresh = makePng(654);
    const commit = store.commit.bind(store);
    let calls = 0;
    store.commit = async (staged) => {
      if (++calls === 3) throw new Error('disk full');
      return commit(staged);
    };
    try {
      const res = await upload(number, [
        file(existing, 'old-again.png'),
        file(fresh, 'new.png'),
        file(makePng(987), 'third.png'),
      ]);
      expect(res.statusCode).toBe(500);
    } finally {
      store.commit = commit;
    }
    expect(calls).toBe(3);
    expect(fs.existsSync(store.path(sha(existing)))).toBe(true);
    expect(fs.existsSync(store.path(sha(fresh)))).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(fs.readdirSync(store.tmpDir)).toEqual([]);
  });

  it('stops writing a file past the store maximum, and drops a stream that fails', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-evidence-stage-'));
    try {
      const small = await EvidenceStore.open(dir, 1000);
      const staged = await small.stage(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]));
      expect({ size: staged.size, tooLarge: staged.tooLarge }).toEqual({
        size: 1200,
        tooLarge: true,
      });
      expect(fs.statSync(staged.tmpPath).size).toBe(1000);
      await expect(small.commit(staged)).rejects.toThrow();
      await small.discard(staged);
      async function* cut() {
        yield Buffer.alloc(100);
        throw new Error('connection reset');
      }
      await expect(small.stage(cut())).rejects.toThrow('connection reset');
      expect(fs.readdirSync(small.tmpDir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cleans temp files left by a dead process when the store opens, not fresh ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-evidence-open-'));
    try {
      const first = await EvidenceStore.open(dir);
      const stale = path.join(first.tmpDir, 'stale');
      const fresh = path.join(first.tmpDir, 'fresh');
      fs.writeFileSync(stale, 'x');
      fs.writeFileSync(fresh, 'y');
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
      await EvidenceStore.open(dir);
      expect(fs.readdirSync(first.tmpDir)).toEqual(['fresh']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading and verifying evidence', () => {
  it('downloads a file with its type and name, privately', async () => {
    const number = await newComplaint();
    const jpeg = makeJpeg(2048);
    await upload(number, [file(jpeg, '签收 记录.jpg', 'application/octet-stream')]);
    for (const who of ['owner', 'staff']) {
      const res = await get(`/api/v1/complaints/${number}/evidence/1/file`, who);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(jpeg)).toBe(true);
      expect(res.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'content-length': '2048',
        'content-disposition':
          "inline; filename*=UTF-8''%E7%AD%BE%E6%94%B6%20%E8%AE%B0%E5%BD%95.jpg",
        'cache-control': 'private, no-store',
      });
    }
    const missing = await get(`/api/v1/complaints/${number}/evidence/2/file`);
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'not_found']);
    const bad = await get(`/api/v1/complaints/${number}/evidence/zero/file`);
    expect(bad.statusCode).toBe(400);
  });

  it('finds a changed file, a missing file and a changed record at their seq', async () => {
    const number = await newComplaint();
    const files = [makePng(400), makePng(500), makePdf(700)];
    await upload(number, [file(files[0]!, 'a.png'), file(files[1]!, 'b.png')]);
    await upload(number, [file(files[2]!, 'c.pdf', 'application/pdf')]);
    expect(await verify(number)).toMatchObject({ valid: true, records: 3, firstBadRecord: null });

    const second = store.path(sha(files[1]!));
    fs.chmodSync(second, 0o600);
    const bytes = fs.readFileSync(second);
    const flip = () => (bytes[100] = bytes[100]! ^ 0xff);
    flip();
    fs.writeFileSync(second, bytes);
    expect(await verify(number)).toMatchObject({
      valid: false,
      records: 3,
      firstBadRecord: 2,
      problem: 'file_changed',
    });
    flip();
    fs.writeFileSync(second, bytes);
    expect(await verify(number)).toMatchObject({ valid: true });

    const third = store.path(sha(files[2]!));
    fs.renameSync(third, `${third}.away`);
    expect(await verify(number)).toMatchObject({ firstBadRecord: 3, problem: 'file_missing' });
    fs.renameSync(`${third}.away`, third);

    // Someone with the database owner's rights goes around the append-only trigger.
    const client = await database.pool.connect();
    try {
      await client.query(
        'ALTER TABLE evidence_records DISABLE TRIGGER evidence_records_append_only',
      );
      await client.query(
        `UPDATE evidence_records SET name = 'renamed.png' WHERE seq = 1 AND complaint_id =
           (SELECT id FROM complaints WHERE number = $1)`,
        [number],
      );
    } finally {
      await client.query(
        'ALTER TABLE evidence_records ENABLE TRIGGER evidence_records_append_only',
      );
      client.release();
    }
    expect(await verify(number)).toMatchObject({
      valid: false,
      firstBadRecord: 1,
      problem: 'record_changed',
    });
  });

  it('has the database refuse to change or delete an evidence record', async () => {
    const number = await newComplaint();
    await upload(number, [file(makePng(444), 'a.png')]);
    const [row] = await recordsOf(number);
    await expect(
      db.execute(sql`UPDATE evidence_records SET name = 'x' WHERE id = ${row!.id}`),
    ).rejects.toThrow();
    await expect(
      db.execute(sql`DELETE FROM evidence_records WHERE id = ${row!.id}`),
    ).rejects.toThrow();
    expect(await recordsOf(number)).toEqual([row]);
  });
});
