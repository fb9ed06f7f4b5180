// The complainant PDFs, read back with poppler the way a reader's viewer would: the text must be
// extractable (Chinese included, so the font really is embedded), every page must carry ink,
// long reports must paginate, the QR drawn must be the one for the verify URL, and a receipt
// must be byte-for-byte reproducible because its hash is stored. The files and PNGs are left in
// test-results/pdf for people to look at.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE } from '../../src/modules/notifications/pdf/layout.js';
import { renderProgressReport } from '../../src/modules/notifications/pdf/progress-report.js';
import {
  RECEIPT_QR,
  qrMatrix,
  renderReceipt,
} from '../../src/modules/notifications/pdf/receipt.js';
import type { ProgressReportData, ReceiptData } from '../../src/modules/notifications/pdf/types.js';

const run = promisify(execFile);
const OUT = fileURLToPath(new URL('../../test-results/pdf/', import.meta.url));

async function tool(name: string, args: string[]): Promise<string> {
  try {
    return (await run(name, args, { maxBuffer: 64 << 20 })).stdout;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${name} not found: install poppler-utils (apt-get install poppler-utils)`, {
        cause: err,
      });
    }
    throw err;
  }
}

interface Gray {
  width: number;
  height: number;
  px: Uint8Array;
}

/** Binary PGM: "P5", width, height, maxval separated by whitespace, one more byte, then pixels. */
function parsePgm(buf: Buffer): Gray {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i] ?? 0x20)) && i < buf.length) i++;
    let tok = '';
    while (i < buf.length && !/\s/.test(String.fromCharCode(buf[i] ?? 0x20))) {
      tok += String.fromCharCode(buf[i] ?? 0);
      i++;
    }
    fields.push(tok);
  }
  const [magic, w, h, max] = fields;
  expect(magic).toBe('P5');
  expect(max).toBe('255');
  const width = Number(w);
  const height = Number(h);
  const px = new Uint8Array(buf.subarray(i + 1, i + 1 + width * height));
  expect(px.length).toBe(width * height);
  return { width, height, px };
}

/** Rasterises every page to gray and returns them in page order. */
async function grayPages(pdf: string, dpi: number, extra: string[] = []): Promise<Gray[]> {
  const prefix = pdf.replace(/\.pdf$/, `-gray${dpi}`);
  await tool('pdftoppm', ['-r', String(dpi), '-gray', ...extra, pdf, prefix]);
  const base = prefix.slice(OUT.length);
  const files = (await readdir(OUT))
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.pgm'))
    .sort(
      (a, b) => parseInt(a.slice(base.length + 1), 10) - parseInt(b.slice(base.length + 1), 10),
    );
  return Promise.all(files.map(async (f) => parsePgm(await readFile(join(OUT, f)))));
}

const darkShare = (g: Gray, x0 = 0, y0 = 0, w = g.width, h = g.height, below = 128) => {
  let dark = 0;
  for (let y = y0; y < y0 + h; y++)
    for (let x = x0; x < x0 + w; x++) if ((g.px[y * g.width + x] ?? 255) < below) dark++;
  return dark / (w * h);
};

/**
 * Ink between the top and bottom margins at 40 dpi. The accent bar and the footer alone would
 * pass a whole-page test, and at 40 dpi 9 pt text is antialiased to greys that rarely go below
 * 128, so a page with two table rows is counted by pixels below 200 instead.
 */
const bodyInk = (g: Gray) => {
  const k = g.height / PAGE.height;
  const top = Math.round(PAGE.top * k);
  return darkShare(g, 0, top, g.width, Math.round((PAGE.height - PAGE.bottom) * k) - top, 200);
};

async function emit(
  name: string,
  pdf: Buffer,
): Promise<{ path: string; text: string; pages: Gray[] }> {
  const path = join(OUT, `${name}.pdf`);
  await writeFile(path, pdf);
  await tool('pdftoppm', ['-r', '60', '-png', path, join(OUT, name)]);
  const text = await tool('pdftotext', ['-layout', path, '-']);
  return { path, text, pages: await grayPages(path, 40) };
}

const t = (iso: string) => new Date(iso);
const SHA = (i: number) => createHash('sha256').update(`evidence ${i}`).digest('hex');
const EVENTS = [
  '提交投诉',
  '受理投诉',
  '转交商家处理',
  '商家回复',
  '要求补充材料',
  '补充材料已提交',
];
const DETAILS = [
  null,
  '已通知商家在 3 个工作日内答复。',
  '商家称包裹已于 10 月 3 日签收，专员正在向快递公司调取签收底单与派送员定位记录，以核实签收人是否为投诉人本人。',
  '请补充购物订单截图与快递面单照片。',
];

const zhReport: ProgressReportData = {
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  number: 'TS20251001000123',
  categoryName: '快递物流',
  typeName: '包裹丢失或被冒领',
  statusLabel: '调查中',
  currentStage:
    '专员正在核实快递公司的签收记录，预计在收到快递公司答复后两个工作日内给出处理意见。',
  filedAt: t('2025-10-01T02:15:00Z'),
  acceptedAt: t('2025-10-01T06:40:00Z'),
  estimatedCompletion: t('2025-10-20T10:00:00Z'),
  estimateNote: null,
  timeline: Array.from({ length: 64 }, (_, i) => ({
    at: new Date(Date.UTC(2025, 9, 1, 2, 15) + i * 5 * 3600_000),
    title: EVENTS[i % EVENTS.length] ?? '',
    // One entry longer than a page, as a pasted merchant statement can be.
    detail:
      i === 40
        ? '商家答复原文：'.concat('包裹已由快递员按地址投递并拍照留存。'.repeat(110))
        : (DETAILS[i % 4] ?? null),
  })),
  evidence: [
    { name: '购物订单截图.png', sizeBytes: 284_113 },
    { name: '快递面单照片（正面）.jpg', sizeBytes: 1_934_502 },
    {
      name: '与商家客服的聊天记录_2025年10月2日至10月5日_完整导出版本_含图片附件说明.pdf',
      sizeBytes: 5_120_000,
    },
    { name: '签收短信.txt', sizeBytes: 812 },
    { name: '开箱视频.mp4', sizeBytes: 48_500_000 },
  ].map((f, i) => ({ ...f, sha256: SHA(i), receivedAt: t(`2025-10-0${i + 1}T03:00:00Z`) })),
  generatedAt: t('2025-10-11T02:00:00Z'),
};

const enReport: ProgressReportData = {
  ...zhReport,
  locale: 'en',
  timeZone: 'America/New_York',
  categoryName: 'Delivery',
  typeName: 'Parcel lost or taken by someone else',
  statusLabel: 'Submitted',
  currentStage: 'We are checking that your complaint is complete before accepting it.',
  acceptedAt: null,
  estimatedCompletion: null,
  estimateNote: 'No estimate can be given until the complaint is accepted.',
  timeline: [
    { at: t('2025-10-01T02:15:00Z'), title: 'Complaint filed', detail: null },
    {
      at: t('2025-10-01T03:00:00Z'),
      title: 'Materials requested',
      detail: 'Please add the order.',
    },
  ],
  evidence: zhReport.evidence.slice(0, 2).map((f, i) => ({ ...f, name: `order-${i}.png` })),
};

const receipt: ReceiptData = {
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  number: 'TS20251001000123',
  categoryName: '快递物流',
  typeName: '包裹丢失或被冒领',
  outcome: 'resolved',
  outcomeLabel: '处理完成',
  opinion:
    '经核实，快递公司签收底单显示包裹由他人代签，且无投诉人授权记录。根据《快递服务》国家标准及平台规则，' +
    '商家已同意全额退款 328.00 元，并另行补偿 20 元优惠券。退款将在 3 个工作日内原路退回，请注意查收。'.repeat(
      3,
    ),
  complainant: '张* 138****8000',
  filedAt: t('2025-10-01T02:15:00Z'),
  acceptedAt: t('2025-10-01T06:40:00Z'),
  resolvedAt: t('2025-10-11T02:00:00Z'),
  appealUntil: t('2025-10-18T02:00:00Z'),
  verificationCode: '7K3M-9QXA-4TZP',
  verifyUrl: 'https://redress.example.cn/receipts/7K3M-9QXA-4TZP',
  issuedAt: t('2025-10-11T02:00:00Z'),
};

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  await tool('pdftoppm', ['-v']);
});

const squash = (s: string) => s.replace(/\s+/g, '');

describe('progress report PDF', () => {
  it('renders Chinese that extracts, spans pages with ink on each, and numbers them', async () => {
    const { text, pages } = await emit('progress-zh', await renderProgressReport(zhReport));
    for (const s of [
      'TS20251001000123',
      '投诉处理进度报告',
      '转交商家处理',
      '包裹丢失或被冒领',
      '调查中',
    ])
      expect(text).toContain(s);
    expect(text).toContain('2025-10-01 10:15 (GMT+8)');
    for (const f of zhReport.evidence) expect(text).toContain(f.sha256);
    // A long name wraps inside its column, and layout mode puts the next columns between the
    // pieces: look for both ends.
    const longName = zhReport.evidence[2]?.name ?? '';
    expect(text).toContain(longName.slice(0, 20));
    expect(text).toContain(longName.slice(-10));
    // The entry longer than a page continues after the page break (footer and header between),
    // and never with a closing mark at the top of the new page.
    const long = zhReport.timeline[40]?.detail ?? '';
    expect(squash(text)).toContain(long.slice(0, 300));
    expect(squash(text)).toContain(long.slice(-300));
    expect(text).not.toMatch(/^\s*[，。、；：？！）]/mu);
    expect(pages.length).toBeGreaterThan(1);
    // pdftotext drops the narrow spaces around the digits ("第1/6页"), so compare without them.
    for (let n = 1; n <= pages.length; n++)
      expect(squash(text)).toContain(`第${n}/${pages.length}页`);
    for (const p of pages) expect(bodyInk(p)).toBeGreaterThan(0.003);
  });

  it('renders the English labels and times in the reader’s zone', async () => {
    const { text, pages } = await emit('progress-en', await renderProgressReport(enReport));
    for (const s of ['Complaint progress report', 'Not yet accepted', 'Page 1 of', 'Received'])
      expect(text).toContain(s);
    expect(text).toContain('2025-09-30 22:15 (GMT-4)');
    expect(text).toContain(enReport.estimateNote);
    for (const p of pages) expect(bodyInk(p)).toBeGreaterThan(0.003);
  });
});

describe('receipt PDF', () => {
  it('is one page with the opinion, appeal window and verification code', async () => {
    const { text, pages } = await emit('receipt-zh', await renderReceipt(receipt));
    for (const s of [
      '处理回执',
      'TS20251001000123',
      '处理完成',
      '张* 138****8000',
      '7K3M-9QXA-4TZP',
    ])
      expect(text).toContain(s);
    expect(squash(text)).toContain(squash(receipt.opinion));
    expect(squash(text)).toContain('如对处理结果有异议，可在2025-10-1810:00(GMT+8)前提出申诉');
    expect(text).toContain(receipt.verifyUrl);
    expect(pages).toHaveLength(1);
    expect(darkShare(pages[0]!)).toBeGreaterThan(0.01);
    expect(bodyInk(pages[0]!)).toBeGreaterThan(0.003);
  });

  it('draws the QR of the verify URL, module for module', async () => {
    const path = join(OUT, 'receipt-zh.pdf');
    const expected = QRCode.create(receipt.verifyUrl, { errorCorrectionLevel: 'M' }).modules;
    const drawn = qrMatrix(receipt.verifyUrl);
    expect(drawn.size).toBe(expected.size);
    expect((drawn.size - 17) % 4).toBe(0);
    // At 40 dpi the QR is a dense block among sparse text.
    const low = (await grayPages(path, 40))[0]!;
    const k = 40 / 72;
    const quiet = (RECEIPT_QR.side * 4) / (drawn.size + 8);
    const box = (RECEIPT_QR.side - 2 * quiet) * k;
    const dense = darkShare(
      low,
      Math.round((RECEIPT_QR.x + quiet) * k),
      Math.round((RECEIPT_QR.y + quiet) * k),
      Math.floor(box),
      Math.floor(box),
    );
    expect(dense).toBeGreaterThan(0.3);
    expect(dense).toBeLessThan(0.75);
    // At 288 dpi (4 px a point) each module is several pixels: read every one back.
    const s = 4;
    const [hi] = await grayPages(path, 288, [
      ...['-x', String(Math.round(RECEIPT_QR.x * s)), '-y', String(Math.round(RECEIPT_QR.y * s))],
      ...[
        '-W',
        String(Math.round(RECEIPT_QR.side * s)),
        '-H',
        String(Math.round(RECEIPT_QR.side * s)),
      ],
    ]);
    const unit = (RECEIPT_QR.side * s) / (drawn.size + 8);
    let mismatches = 0;
    for (let r = 0; r < drawn.size; r++)
      for (let c = 0; c < drawn.size; c++) {
        const v = hi!.px[Math.floor((r + 4.5) * unit) * hi!.width + Math.floor((c + 4.5) * unit)];
        if (v! < 128 !== (expected.get(r, c) === 1)) mismatches++;
      }
    expect(mismatches).toBe(0);
  });

  it('gives the same bytes for the same data', async () => {
    const a = await renderReceipt(receipt);
    const b = await renderReceipt({ ...receipt });
    expect(a.equals(b)).toBe(true);
    const later = await renderReceipt({ ...receipt, issuedAt: t('2025-10-12T02:00:00Z') });
    expect(later.equals(a)).toBe(false);
  });

  it('renders a rejection in English without an appeal window', async () => {
    const { text, pages } = await emit(
      'receipt-en',
      await renderReceipt({
        ...receipt,
        locale: 'en',
        categoryName: 'Delivery',
        typeName: 'Parcel lost',
        outcome: 'rejected',
        outcomeLabel: 'Not upheld',
        opinion: 'The courier’s records show the parcel was signed for by you. '.repeat(4),
        appealUntil: null,
      }),
    );
    for (const s of ['Complaint handling receipt', 'Not upheld', 'Reasons', 'Page 1 of 1'])
      expect(text).toContain(s);
    expect(text).not.toContain('appeal');
    // English is set with proportional punctuation; the substituted glyph must still extract.
    expect(text).toContain('courier’s records');
    expect(pages).toHaveLength(1);
  });
});
