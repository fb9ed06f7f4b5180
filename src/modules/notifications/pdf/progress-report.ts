// The progress report (投诉处理进度报告) a complainant is emailed and can download: where the case
// stands, everything that happened on it, and the evidence we hold with hashes they can check
// against their own copies. Public-facing, so it has to look like it came from an institution.
import type { Locale } from '../../../shared/errors.js';
import {
  COLOR,
  CONTENT_WIDTH,
  PAGE,
  drawFields,
  drawFooters,
  drawHeader,
  ensureRoom,
  finish,
  formatBytes,
  formatInstant,
  openDocument,
  put,
  sectionTitle,
  splitToFit,
  textHeight,
  type TextStyle,
} from './layout.js';
import type { ProgressReportData } from './types.js';

type Doc = PDFKit.PDFDocument;

const LABELS = {
  'zh-CN': {
    brand: 'Redress 投诉受理平台',
    title: '投诉处理进度报告',
    number: '投诉编号',
    category: '投诉类别',
    status: '当前状态',
    stage: '当前阶段',
    filed: '提交时间',
    accepted: '受理时间',
    notAccepted: '尚未受理',
    estimate: '预计完成时间',
    timeline: '处理经过',
    cols: ['时间', '事项', '说明'],
    noTimeline: '暂无处理记录。',
    evidence: (n: number) => `证据材料（${n} 份）`,
    evidenceCols: ['序号', '文件名', '大小', '接收时间'],
    evidenceHint:
      'SHA-256 是文件的数字指纹：对您保存的原件计算 SHA-256，结果相同即说明平台收到的文件与原件一致。',
    noEvidence: '未提交证据材料。',
    generated: (t: string) => `本报告由系统生成于 ${t}，反映生成时的处理进度。`,
    page: (n: number, of: number) => `第 ${n} / ${of} 页`,
  },
  en: {
    brand: 'Redress complaint service',
    title: 'Complaint progress report',
    number: 'Complaint number',
    category: 'Category / type',
    status: 'Status',
    stage: 'Current stage',
    filed: 'Filed',
    accepted: 'Accepted',
    notAccepted: 'Not yet accepted',
    estimate: 'Estimated completion',
    timeline: 'Case history',
    cols: ['Time', 'Event', 'Details'],
    noTimeline: 'Nothing has been recorded yet.',
    evidence: (n: number) => `Evidence (${n} ${n === 1 ? 'file' : 'files'})`,
    evidenceCols: ['#', 'File', 'Size', 'Received'],
    evidenceHint:
      'SHA-256 is a fingerprint of a file: if the SHA-256 of the copy you kept matches, we hold exactly the file you sent.',
    noEvidence: 'No evidence has been submitted.',
    generated: (t: string) => `Generated ${t}; it shows the case as it stood then.`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} satisfies Record<Locale, unknown>;

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}
type Cell = TextStyle & { text: string };
/** `note` is a full-width line under the row (the evidence hash), kept on the row's last page. */
interface Row {
  cells: Cell[];
  note?: { label: string; text: string };
}

const PAD_X = 6;
const PAD_Y = 5;
const HEAD_H = 20;
const NOTE: TextStyle = { font: 'mono', size: 7.5, color: COLOR.muted };

export async function renderProgressReport(data: ProgressReportData): Promise<Buffer> {
  const L = LABELS[data.locale] ?? LABELS['zh-CN'];
  const at = (d: Date) => formatInstant(d, data.timeZone);
  const doc = await openDocument({
    locale: data.locale,
    title: `${L.title} ${data.number}`,
    author: L.brand,
    date: data.generatedAt,
  });
  let y = drawHeader(doc, {
    brand: L.brand,
    title: L.title,
    numberLabel: L.number,
    number: data.number,
  });
  y = drawFields(doc, y, [
    { label: L.category, value: `${data.categoryName} / ${data.typeName}` },
    { label: L.status, value: data.statusLabel, color: COLOR.accent },
    { label: L.filed, value: at(data.filedAt) },
    { label: L.accepted, value: data.acceptedAt ? at(data.acceptedAt) : L.notAccepted },
    {
      label: L.estimate,
      value: data.estimatedCompletion ? at(data.estimatedCompletion) : (data.estimateNote ?? '—'),
      wide: true,
    },
    { label: L.stage, value: data.currentStage, wide: true },
  ]);

  y = sectionTitle(doc, L.timeline, ensureRoom(doc, y + 22, 90));
  const timeline: Row[] = data.timeline.map((e) => ({
    cells: [
      { text: at(e.at), size: 8.5, color: COLOR.muted },
      { text: e.title, font: 'bold', size: 9 },
      { text: e.detail ?? '', size: 9 },
    ],
  }));
  const timeW = 124;
  const eventW = 128;
  y = timeline.length
    ? drawTable(
        doc,
        y,
        [
          { header: L.cols[0] ?? '', width: timeW },
          { header: L.cols[1] ?? '', width: eventW },
          { header: L.cols[2] ?? '', width: CONTENT_WIDTH - timeW - eventW },
        ],
        timeline,
      )
    : y + put(doc, L.noTimeline, PAGE.side, y, CONTENT_WIDTH, { color: COLOR.muted });

  y = sectionTitle(doc, L.evidence(data.evidence.length), ensureRoom(doc, y + 22, 110));
  if (data.evidence.length) {
    y +=
      6 + put(doc, L.evidenceHint, PAGE.side, y, CONTENT_WIDTH, { size: 8.5, color: COLOR.muted });
    const [c0, c1, c2, c3] = L.evidenceCols;
    const rows: Row[] = data.evidence.map((f, i) => ({
      cells: [
        { text: String(i + 1), size: 9, color: COLOR.muted },
        { text: f.name, size: 9 },
        { text: formatBytes(f.sizeBytes), size: 9 },
        { text: at(f.receivedAt), size: 8.5, color: COLOR.muted },
      ],
      note: { label: 'SHA-256', text: f.sha256 },
    }));
    drawTable(
      doc,
      y,
      [
        { header: c0 ?? '', width: 34 },
        { header: c1 ?? '', width: CONTENT_WIDTH - 34 - 70 - timeW },
        { header: c2 ?? '', width: 70, align: 'right' },
        { header: c3 ?? '', width: timeW },
      ],
      rows,
    );
  } else {
    put(doc, L.noEvidence, PAGE.side, y, CONTENT_WIDTH, { color: COLOR.muted });
  }

  drawFooters(doc, {
    left: L.generated(at(data.generatedAt)),
    page: L.page,
    running: `${L.brand} · ${L.title} · ${data.number}`,
  });
  return finish(doc);
}

/** Rows never split across pages unless one is taller than a page; the header repeats. */
function drawTable(doc: Doc, y0: number, cols: Column[], rows: Row[]): number {
  const bottom = PAGE.height - PAGE.bottom;
  const xs = cols.map((_, i) => PAGE.side + cols.slice(0, i).reduce((s, c) => s + c.width, 0));
  const inner = (i: number) => (cols[i]?.width ?? 0) - 2 * PAD_X;
  const noteX = (xs[1] ?? PAGE.side) + PAD_X;
  const noteW = PAGE.width - PAGE.side - noteX - PAD_X;
  const header = (y: number) => {
    doc.rect(PAGE.side, y, CONTENT_WIDTH, HEAD_H).fill(COLOR.accentSoft);
    cols.forEach((c, i) =>
      put(doc, c.header, (xs[i] ?? 0) + PAD_X, y + 5.5, inner(i), {
        font: 'bold',
        size: 8.5,
        color: COLOR.accent,
        align: c.align,
      }),
    );
    return y + HEAD_H;
  };
  const hashH = (r: Row) => (r.note ? textHeight(doc, r.note.text, noteW - 40, NOTE) : 0);
  const noteH = (r: Row) => (r.note ? hashH(r) + 5 : 0);
  const height = (cells: Cell[], r: Row | null) =>
    2 * PAD_Y +
    Math.max(...cells.map((c, i) => (c.text ? textHeight(doc, c.text, inner(i), c) : 0))) +
    (r ? noteH(r) : 0);
  const draw = (cells: Cell[], r: Row | null, y: number, h: number) => {
    cells.forEach((c, i) =>
      put(doc, c.text, (xs[i] ?? 0) + PAD_X, y + PAD_Y, inner(i), { ...c, align: cols[i]?.align }),
    );
    if (r?.note) {
      // Label and hash share a baseline; Courier's ascent is 0.629 em (its AFM).
      const base = y + h - PAD_Y - hashH(r) + 0.629 * (NOTE.size ?? 7.5);
      put(doc, r.note.label, noteX, base, 40, { size: 7, color: COLOR.faint, baseline: true });
      put(doc, r.note.text, noteX + 40, base, noteW - 40, { ...NOTE, baseline: true });
    }
    doc
      .moveTo(PAGE.side, y + h)
      .lineTo(PAGE.width - PAGE.side, y + h)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
  };
  const fresh = () => {
    doc.addPage();
    return header(PAGE.top);
  };

  let y = header(ensureRoom(doc, y0, HEAD_H + 40));
  for (const row of rows) {
    let cells = row.cells;
    for (;;) {
      const h = height(cells, row);
      if (y + h <= bottom) {
        draw(cells, row, y, h);
        y += h;
        break;
      }
      if (h <= bottom - PAGE.top - HEAD_H || bottom - y < 60) {
        y = fresh();
        continue;
      }
      const parts = cells.map((c, i) =>
        splitToFit(doc, c.text, inner(i), bottom - y - 2 * PAD_Y - 2, c),
      );
      const head = cells.map((c, i) => ({ ...c, text: parts[i]?.[0] ?? '' }));
      draw(head, null, y, height(head, null));
      cells = cells.map((c, i) => ({ ...c, text: parts[i]?.[1] ?? '' }));
      y = fresh();
    }
  }
  return y;
}
