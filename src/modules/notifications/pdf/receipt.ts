// The handling receipt (处理回执): the one-page record of how a complaint ended, carrying a code
// and a QR that lead to our verification page. We store the SHA-256 of the PDF as issued, so the
// same data must always give the same bytes: every date in it is `issuedAt`, never "now".
import QRCode from 'qrcode';
import type { Locale } from '../../../shared/errors.js';
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  drawFields,
  drawFooters,
  drawHeader,
  finish,
  formatDate,
  formatInstant,
  openDocument,
  put,
  sectionTitle,
  splitToFit,
  style,
  textHeight,
} from './layout.js';
import type { ReceiptData } from './types.js';

type Doc = PDFKit.PDFDocument;

const LABELS = {
  'zh-CN': {
    brand: 'Redress 投诉受理平台',
    title: '处理回执',
    number: '投诉编号',
    outcome: '处理结果',
    category: '投诉类别',
    complainant: '投诉人',
    filed: '提交时间',
    accepted: '受理时间',
    notAccepted: '—',
    resolved: '办结时间',
    opinion: { resolved: '处理意见', rejected: '不予支持的理由' },
    continued: '（续）',
    appeal: (t: string) => `如对处理结果有异议，可在 ${t} 前提出申诉。`,
    code: '回执验证码',
    verify: '扫描右侧二维码，或访问以下网址，可核验本回执是否由平台签发、内容是否被改动：',
    footer: (t: string) => `本回执由 Redress 投诉受理平台签发于 ${t}。`,
    page: (n: number, of: number) => `第 ${n} / ${of} 页`,
  },
  en: {
    brand: 'Redress complaint service',
    title: 'Complaint handling receipt',
    number: 'Complaint number',
    outcome: 'Outcome',
    category: 'Category / type',
    complainant: 'Complainant',
    filed: 'Filed',
    accepted: 'Accepted',
    notAccepted: '—',
    resolved: 'Concluded',
    opinion: { resolved: 'Handling opinion', rejected: 'Reasons' },
    continued: ' (continued)',
    appeal: (t: string) => `If you disagree with the outcome, you may appeal before ${t}.`,
    code: 'Verification code',
    verify:
      'Scan the QR code or visit the address below to check that we issued this receipt and that it has not been altered:',
    footer: (t: string) => `Issued by the Redress complaint service on ${t}.`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} satisfies Record<Locale, unknown>;

const BLOCK_H = 150;
const BLOCK_Y = PAGE.height - PAGE.bottom - BLOCK_H;
/** The issuer and date, above the verification block. */
const SIGN_H = 36;
const SIGN_Y = BLOCK_Y - 22 - SIGN_H;
const OPINION_W = CONTENT_WIDTH - 14;
/** Where the QR sits on page 1 (points, quiet zone included): fixed, whatever the opinion's length. */
export const RECEIPT_QR = {
  side: 124,
  x: PAGE.width - PAGE.side - 13 - 124,
  y: BLOCK_Y + (BLOCK_H - 124) / 2,
} as const;

/** The module matrix drawn for `text`: exported so tests can compare it with what they see. */
export function qrMatrix(text: string): { size: number; dark: (r: number, c: number) => boolean } {
  const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  return { size: m.size, dark: (r, c) => m.get(r, c) === 1 };
}

export async function renderReceipt(data: ReceiptData): Promise<Buffer> {
  const L = LABELS[data.locale] ?? LABELS['zh-CN'];
  const at = (d: Date) => formatInstant(d, data.timeZone);
  const doc = await openDocument({
    locale: data.locale,
    title: `${L.title} ${data.number}`,
    author: L.brand,
    date: data.issuedAt,
  });
  let y = drawHeader(doc, {
    brand: L.brand,
    title: L.title,
    numberLabel: L.number,
    number: data.number,
  });
  const good = data.outcome === 'resolved';
  y = drawFields(doc, y, [
    { label: L.outcome, value: data.outcomeLabel, color: good ? COLOR.good : COLOR.warn },
    { label: L.resolved, value: at(data.resolvedAt) },
    { label: L.complainant, value: data.complainant },
    { label: L.category, value: `${data.categoryName} / ${data.typeName}` },
    { label: L.filed, value: at(data.filedAt) },
    { label: L.accepted, value: data.acceptedAt ? at(data.acceptedAt) : L.notAccepted },
  ]);

  const appeal = data.appealUntil ? L.appeal(at(data.appealUntil)) : null;
  const appealH = appeal ? textHeight(doc, appeal, CONTENT_WIDTH - 28, { size: 10 }) + 20 : 0;
  const title = L.opinion[data.outcome];
  y = sectionTitle(doc, title, y + 20);
  // The opinion gets what is left above the appeal note, the signature and the verification
  // block. It may shrink a little, then give up the signature (the footer names the issuer);
  // only an extraordinary one continues overleaf, at a readable size.
  const room = (signed: boolean) =>
    (signed ? SIGN_Y : BLOCK_Y) - 16 - (appeal ? appealH + 14 : 0) - y;
  const fits = (size: number, signed: boolean) =>
    textHeight(doc, data.opinion, OPINION_W, { size }) <= room(signed);
  const plan = [
    { size: 10.5, signed: true },
    { size: 10, signed: true },
    { size: 10, signed: false },
    { size: 9.5, signed: false },
  ].find((p) => fits(p.size, p.signed)) ?? { size: 10, signed: true };
  let [head, rest] = splitToFit(doc, data.opinion, OPINION_W, room(plan.signed), plan);
  y += drawOpinion(doc, head, y, plan.size) + 14;

  if (appeal) {
    doc.rect(PAGE.side, y, CONTENT_WIDTH, appealH).fill(COLOR.warnSoft);
    doc.rect(PAGE.side, y, 3, appealH).fill(COLOR.warn);
    put(doc, appeal, PAGE.side + 14, y + 10, CONTENT_WIDTH - 28, { size: 10, color: COLOR.warn });
  }
  if (plan.signed)
    drawSignature(doc, L.brand, formatDate(data.issuedAt, data.timeZone, data.locale));
  drawVerification(doc, L, data);

  while (rest) {
    doc.addPage();
    const top = sectionTitle(doc, title + L.continued, PAGE.top);
    [head, rest] = splitToFit(doc, rest, OPINION_W, PAGE.height - PAGE.bottom - top, plan);
    drawOpinion(doc, head, top, plan.size);
  }
  drawFooters(doc, {
    left: L.footer(at(data.issuedAt)),
    page: L.page,
    running: `${L.brand} · ${L.title} · ${data.number}`,
  });
  return finish(doc);
}

/** Set off by a rule at its left, as quoted text. */
function drawOpinion(doc: Doc, text: string, y: number, size: number): number {
  const h = put(doc, text, PAGE.side + 14, y, OPINION_W, { size });
  doc.rect(PAGE.side + 3, y + 1, 2, h - 2).fill(COLOR.rule);
  return h;
}

/** Issuer over date, the date centred under the name, at the right: how a letter is signed. */
function drawSignature(doc: Doc, issuer: string, date: string): void {
  const s = { font: 'bold', size: 10.5, align: 'center' } as const;
  const w = 24 + Math.max(...[issuer, date].map((t) => style(doc, s).widthOfString(t)));
  const x = PAGE.width - PAGE.side - w;
  put(doc, issuer, x, SIGN_Y, w, s);
  put(doc, date, x, SIGN_Y + 18, w, { ...s, font: 'regular' });
}

function drawVerification(doc: Doc, L: (typeof LABELS)['en'], data: ReceiptData): void {
  doc
    .roundedRect(PAGE.side, BLOCK_Y, CONTENT_WIDTH, BLOCK_H, 6)
    .lineWidth(0.8)
    .strokeColor(COLOR.rule)
    .stroke();
  const x = PAGE.side + 18;
  const w = RECEIPT_QR.x - x - 16;
  let y = BLOCK_Y + 18;
  y += put(doc, L.code, x, y, w, { size: 9, color: COLOR.muted }) + 2;
  y += put(doc, data.verificationCode, x, y, w, { font: 'bold', size: 24, spacing: 1.5 }) + 8;
  y += put(doc, L.verify, x, y, w, { size: 8.5, color: COLOR.muted }) + 3;
  put(doc, data.verifyUrl, x, y, w, { size: 9, color: COLOR.accent });
  drawQr(doc, data.verifyUrl, RECEIPT_QR.x, RECEIPT_QR.y, RECEIPT_QR.side);
}

/**
 * Vector QR, one path of horizontal runs filled at once so rasterisers leave no hairlines
 * between modules. `side` includes the four-module quiet zone the standard asks for.
 */
function drawQr(doc: Doc, text: string, x: number, y: number, side: number): void {
  const qr = qrMatrix(text);
  const unit = side / (qr.size + 8);
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size;) {
      let end = c;
      while (end < qr.size && qr.dark(r, end)) end++;
      if (end > c) doc.rect(x + (c + 4) * unit, y + (r + 4) * unit, (end - c) * unit, unit);
      c = Math.max(end, c + 1);
    }
  }
  doc.fill('#000000');
}
