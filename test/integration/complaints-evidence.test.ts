// Evidence through the whole app, as a complainant uploads it: the limits of SPEC "Intake and
// evidence" with the complaint's own access rules, and the chain verifying at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  loginAs,
  loginComplainant,
  type AuthedClient,
  type TestApp,
} from '../helpers/app.js';
import { countRows, fileComplaint, lostParcel, upload } from '../helpers/complaints.js';
import { makeExe, makeJpeg, makeMp4, makePdf, makePng, MB } from '../helpers/files.js';

let t: TestApp;
let me: AuthedClient;
let number: string;

const png = (name = 'photo.png', bytes?: number) => ({
  filename: name,
  contentType: 'image/png',
  content: makePng(bytes),
});

beforeAll(async () => {
  t = await buildTestApp();
  me = await loginComplainant(t);
  const res = await fileComplaint(t, me, lostParcel('SF0000009001'));
  number = res.json().complaint.number;
});
afterAll(() => t.close());

async function records(): Promise<number> {
  return countRows(t, 'evidence_records');
}

describe('uploading evidence to a complaint', () => {
  it('takes up to three files of the allowed kinds and shows them on the complaint', async () => {
    const res = await upload(t, me, number, [
      png('面单.png'),
      { filename: 'scan.jpg', contentType: 'image/jpeg', content: makeJpeg() },
      { filename: 'receipt.pdf', contentType: 'application/pdf', content: makePdf() },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().added.map((e: { kind: string }) => e.kind)).toEqual([
      'image',
      'image',
      'document',
    ]);
    const detail = await t.app.inject({ url: `/api/v1/complaints/${number}`, headers: me.headers });
    expect(detail.json().evidence).toHaveLength(3);
    expect(detail.json().timeline.at(-1).type).toBe('evidence_added');
  });

  it.each([
    [
      'a 4th file in one submission',
      [png('1.png'), png('2.png'), png('3.png'), png('4.png')],
      'files',
      '最多上传 3 个',
    ],
    ['a 6 MB PNG', [png('big.png', 6 * MB)], 'files[0]', '5 MB'],
    [
      'an EXE renamed .jpg',
      [{ filename: 'photo.jpg', contentType: 'image/jpeg', content: makeExe() }],
      'files[0]',
      '文件类型不支持',
    ],
    [
      'a 61-second MP4',
      [{ filename: 'clip.mp4', contentType: 'video/mp4', content: makeMp4(61) }],
      'files[0]',
      '61',
    ],
  ])(
    'refuses %s, naming the file and the rule, and keeps nothing',
    async (_l, parts, field, text) => {
      const before = await records();
      const res = await upload(t, me, number, parts);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[field]).toContain(text);
      expect(await records()).toBe(before);
    },
  );

  it('takes more files in a later submission', async () => {
    const res = await upload(t, me, number, [
      { filename: 'clip.mp4', contentType: 'video/mp4', content: makeMp4(60) },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().added[0]).toMatchObject({ kind: 'video', durationSeconds: 60, seq: 4 });
  });

  it('refuses an upload to someone else’s complaint, and to a complaint the caller cannot see', async () => {
    const other = await loginComplainant(t, '13300133000');
    expect((await upload(t, other, number)).statusCode).toBe(404);
    // A merchant sees only cases passed to it: any other is "not found", like another's.
    const merchant = await loginAs(t.app, 'merchant');
    expect((await upload(t, merchant, number)).statusCode).toBe(404);
  });

  it('verifies the chain, and lets staff download the files', async () => {
    const v = await t.app.inject({
      url: `/api/v1/complaints/${number}/evidence/verify`,
      headers: me.headers,
    });
    expect(v.json()).toMatchObject({ valid: true, records: 4, firstBadRecord: null });
    const agent = await loginAs(t.app, 'agent');
    const file = await t.app.inject({
      url: `/api/v1/complaints/${number}/evidence/1/file`,
      headers: agent.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(makePng())).toBe(true);
  });
});
