// Drawing shared by the complainant PDFs (progress report, receipt), so both read as one family
// and the fiddly parts — page numbers that need the page count, tables that break across pages,
// times in the reader's zone — are written once.
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../../shared/errors.js';
import { loadNotoSansSc } from './fonts.js';

type Doc = PDFKit.PDFDocument;

/**
 * Noto Sans SC sets ’ “ ” full-width, as Chinese wants; in English that reads "courier’ s".
 * Proportional widths (OpenType pwid) fix it, so English documents are measured and drawn with it.
 */
const proportional = new WeakSet<Doc>();
const PWID: PDFKit.Mixins.OpenTypeFeatures[] = ['pwid'];
const features = (doc: Doc) => (proportional.has(doc) ? PWID : undefined);

/** A4 in points; the bottom margin leaves room for the footer. */
export const PAGE = { width: 595.28, height: 841.89, side: 50, top: 56, bottom: 70 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;

export const COLOR = {
  text: '#1f2937',
  muted: '#5f6673',
  faint: '#8a919e',
  rule: '#dfe3e8',
  fill: '#f4f6f8',
  accent: '#1d4e89',
  accentSoft: '#eaf1f9',
  good: '#1f7a4d',
  warn: '#9a5b00',
  warnSoft: '#fdf3e1',
} as const;

/** Courier is only ever given hex digests: ASCII, and a monospace keeps them legible. */
export const FONT = { regular: 'NotoSansSC', bold: 'NotoSansSC-Bold', mono: 'Courier' } as const;
export type FontKey = keyof typeof FONT;

/** `date` is fixed when the output must be reproducible (receipts); else the render time. */
export async function openDocument(o: {
  locale: Locale;
  title: string;
  author: string;
  date: Date;
}): Promise<Doc> {
  const fonts = await loadNotoSansSc();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side },
    // Kept so the footer ("page x of y") can be written once the page count is known.
    bufferPages: true,
    lang: o.locale,
    displayTitle: true,
    pdfVersion: '1.7',
    // pdfkit's /ID is an MD5 of this dictionary, so fixing the dates fixes the whole file.
    info: {
      Title: o.title,
      Author: o.author,
      Creator: 'Redress',
      Producer: 'Redress',
      CreationDate: o.date,
      ModDate: o.date,
    },
  });
  if (o.locale === 'en') proportional.add(doc);
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.font(FONT.regular).fillColor(COLOR.text);
  return doc;
}

export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

function inZone(at: Date, timeZone: string): DateTime {
  const dt = DateTime.fromJSDate(at, { zone: timeZone });
  // An unknown zone must not print "Invalid DateTime" on a public document; UTC says what it is.
  return dt.isValid ? dt : DateTime.fromJSDate(at, { zone: 'UTC' });
}

/** "2025-10-11 10:00 (GMT+8)": the zone is printed because complainants travel. */
export function formatInstant(at: Date, timeZone: string): string {
  const dt = inZone(at, timeZone);
  const off = dt.offset;
  const abs = Math.abs(off);
  const hm = `${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
  return `${dt.toFormat('yyyy-MM-dd HH:mm')} (GMT${off === 0 ? '' : `${off < 0 ? '-' : '+'}${hm}`})`;
}

/** The date under a signature: 2025年10月11日 / 11 October 2025. */
export function formatDate(at: Date, timeZone: string, locale: Locale): string {
  const dt = inZone(at, timeZone);
  return locale === 'en'
    ? dt.setLocale('en-GB').toFormat('d MMMM yyyy')
    : dt.toFormat('yyyy年M月d日');
}

export function formatBytes(n: number): string {
  const i = n < 1024 ? 0 : Math.min(3, Math.floor(Math.log2(n) / 10));
  const v = n / 1024 ** i;
  return `${i === 0 || v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${['B', 'KB', 'MB', 'GB'][i]}`;
}

export interface TextStyle {
  font?: FontKey;
  size?: number;
  color?: string;
}

export function style(doc: Doc, s: TextStyle): Doc {
  return doc
    .font(FONT[s.font ?? 'regular'])
    .fontSize(s.size ?? 9.5)
    .fillColor(s.color ?? COLOR.text);
}

export function textHeight(doc: Doc, text: string, width: number, s: TextStyle): number {
  return style(doc, s).heightOfString(text, { width, features: features(doc) });
}

/**
 * Draws text in a box already measured, with `height` set so pdfkit never starts a page of its
 * own: page breaks are ours, so table headers and footers stay where they belong.
 */
export function put(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  s: TextStyle & { align?: 'left' | 'right' | 'center'; spacing?: number; baseline?: boolean },
): number {
  const h = textHeight(doc, text, width, s);
  style(doc, s).text(text, x, y, {
    width,
    height: h + 2,
    align: s.align ?? 'left',
    characterSpacing: s.spacing ?? 0,
    features: features(doc),
    // For lines mixing fonts with different ascents (label and Courier hash): y is the baseline.
    baseline: s.baseline ? 'alphabetic' : 'top',
  });
  return h;
}

/**
 * The longest head of `text` that fits in `maxHeight`, and the rest: for the rare entry taller
 * than a page. Backs off to a space so English words are not cut; Chinese breaks anywhere.
 */
export function splitToFit(
  doc: Doc,
  text: string,
  width: number,
  maxHeight: number,
  s: TextStyle,
): [string, string] {
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textHeight(doc, chars.slice(0, mid).join(''), width, s) <= maxHeight) lo = mid;
    else hi = mid - 1;
  }
  // At least one character, so callers that loop page by page always make progress.
  let cut = Math.max(lo, 1);
  if (cut < chars.length) {
    const space = chars.slice(0, cut).lastIndexOf(' ');
    if (space > cut * 0.6) cut = space + 1;
    // Closing punctuation may not start a line (or a page) in Chinese or English.
    while (cut > 1 && CLOSING.test(chars[cut] ?? '')) cut--;
  }
  return [chars.slice(0, cut).join('').trimEnd(), chars.slice(cut).join('').trimStart()];
}

const CLOSING = /^[，。、；：？！）》」』”’,.;:?!)\]]$/u;

export function rule(doc: Doc, y: number, color: string = COLOR.rule, width = 0.6): void {
  doc
    .moveTo(PAGE.side, y)
    .lineTo(PAGE.width - PAGE.side, y)
    .lineWidth(width)
    .strokeColor(color)
    .stroke();
}

/** Brand, title and the complaint number on the right, where the eye looks for it. */
export function drawHeader(
  doc: Doc,
  h: { brand: string; title: string; numberLabel: string; number: string },
): number {
  doc.rect(0, 0, PAGE.width, 6).fill(COLOR.accent);
  const top = 36;
  put(doc, h.brand, PAGE.side, top, 260, { font: 'bold', size: 10, color: COLOR.accent });
  put(doc, h.title, PAGE.side, top + 18, CONTENT_WIDTH - 210, { font: 'bold', size: 20 });
  const right = PAGE.width - PAGE.side - 200;
  put(doc, h.numberLabel, right, top + 2, 200, { size: 9, color: COLOR.muted, align: 'right' });
  const big = { font: 'bold', size: 17, color: COLOR.accent, align: 'right' } as const;
  put(doc, h.number, right, top + 16, 200, big);
  rule(doc, top + 58, COLOR.text, 1);
  return top + 72;
}

export function sectionTitle(doc: Doc, text: string, y: number): number {
  doc.rect(PAGE.side, y + 2, 3, 13).fill(COLOR.accent);
  put(doc, text, PAGE.side + 10, y, CONTENT_WIDTH - 10, { font: 'bold', size: 12 });
  return y + 24;
}

/**
 * Footer on every page (and a running header from page 2), written after the body because the
 * page count is only known then.
 */
export function drawFooters(
  doc: Doc,
  f: { left: string; page: (n: number, of: number) => string; running: string },
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = PAGE.height - PAGE.bottom + 24;
    rule(doc, y - 6);
    const small = { size: 8, color: COLOR.faint } as const;
    put(doc, f.left, PAGE.side, y, CONTENT_WIDTH - 120, small);
    put(doc, f.page(i + 1, count), PAGE.width - 170, y, 120, { ...small, align: 'right' });
    if (i > start) {
      doc.rect(0, 0, PAGE.width, 6).fill(COLOR.accent);
      put(doc, f.running, PAGE.side, 26, CONTENT_WIDTH, small);
    }
  }
}

export interface Field {
  label: string;
  value: string;
  /** Spans both columns: for values that run long (stage, estimate note). */
  wide?: boolean;
  color?: string;
}

/**
 * Label-over-value pairs in two columns on a tinted panel: reads well in both languages and lets
 * a long value wrap without pushing its label out of line.
 */
export function drawFields(doc: Doc, y0: number, fields: Field[]): number {
  const pad = 14;
  const gap = 20;
  const colW = (CONTENT_WIDTH - 2 * pad - gap) / 2;
  const cell = (f: Field) => (f.wide ? 2 * colW + gap : colW);
  // Coloured values (status, outcome) are the ones to find at a glance: bold.
  const value = (f: Field) => ({ size: 10.5, font: f.color ? 'bold' : 'regular' }) as const;
  const h = (f: Field) => 14 + textHeight(doc, f.value, cell(f), value(f));
  // Lay out first (a row is one wide field or up to two narrow ones) so the panel is drawn
  // behind the text at its final height.
  const rows: Field[][] = [];
  for (const f of fields) {
    const last = rows[rows.length - 1];
    if (!f.wide && last && last.length === 1 && !last[0]?.wide) last.push(f);
    else rows.push([f]);
  }
  const heights = rows.map((r) => Math.max(...r.map(h)));
  const total = heights.reduce((a, b) => a + b + 10, 0) - 10 + 2 * pad;
  doc.roundedRect(PAGE.side, y0, CONTENT_WIDTH, total, 4).fill(COLOR.fill);
  let y = y0 + pad;
  rows.forEach((r, i) => {
    r.forEach((f, j) => {
      const x = PAGE.side + pad + j * (colW + gap);
      put(doc, f.label, x, y, cell(f), { size: 8.5, color: COLOR.muted });
      put(doc, f.value, x, y + 13, cell(f), { ...value(f), color: f.color ?? COLOR.text });
    });
    y += (heights[i] ?? 0) + 10;
  });
  return y0 + total;
}

/** Starts a new page when fewer than `needed` points remain, so headings are never orphaned. */
export function ensureRoom(doc: Doc, y: number, needed: number): number {
  if (y + needed <= PAGE.height - PAGE.bottom) return y;
  doc.addPage();
  return PAGE.top;
}
