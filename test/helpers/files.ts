// Real, tiny files for evidence tests and browser journeys, each padded to an exact size (with
// a part its format defines for that: a PNG text chunk, JPEG comments, a PDF stream, an MP4
// mdat) so a limit can be tested to the byte. They decode: check with `pngcheck`, `djpeg`,
// `pdfinfo` after changing anything here.
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';

export const MB = 1024 * 1024;

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), body, u32(zlib.crc32(body))]);
}

/** A 2×2 RGB PNG (red, green / blue, white), padded with a tEXt "Comment" chunk. */
export function makePng(bytes?: number): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]); // 2×2, 8-bit RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  const head = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(rows)),
  ]);
  const end = pngChunk('IEND', Buffer.alloc(0));
  const base = head.length + end.length;
  if (bytes === undefined || bytes === base) return Buffer.concat([head, end]);
  const textLen = bytes - base - 12 - 'Comment\0'.length;
  if (textLen < 0) throw new RangeError(`a PNG is ${base} bytes, or at least ${base + 20} padded`);
  const text = Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(textLen, 0x78)]);
  return Buffer.concat([head, pngChunk('tEXt', text), end]);
}

// An 8×8 grey (value 200) baseline JPEG, built segment by segment: every quantiser 1, one DC
// Huffman code for category 10 and one AC code for end-of-block, so the whole image is one
// 12-bit scan: DC '0' + 576 as '1001000000', EOB '0', padded with 1s → 0x48 0x0F.
const JPEG_SEGMENTS = {
  soi: 'ffd8',
  app0: 'ffe000104a46494600010100000100010000',
  dqt: 'ffdb004300' + '01'.repeat(64),
  sof0: 'ffc0000b080008000801011100',
  dhtDc: 'ffc4001400' + '01' + '00'.repeat(15) + '0a',
  dhtAc: 'ffc4001410' + '01' + '00'.repeat(15) + '00',
  sos: 'ffda0008010100003f00',
  scan: '480f',
  eoi: 'ffd9',
};

/** A real baseline JPEG, padded with COM segments after APP0. */
export function makeJpeg(bytes?: number): Buffer {
  const s = JPEG_SEGMENTS;
  const head = Buffer.from(s.soi + s.app0, 'hex');
  const tail = Buffer.from(s.dqt + s.sof0 + s.dhtDc + s.dhtAc + s.sos + s.scan + s.eoi, 'hex');
  const base = head.length + tail.length;
  let pad = (bytes ?? base) - base;
  if (pad !== 0 && pad < 4) {
    throw new RangeError(`a JPEG is ${base} bytes, or at least ${base + 4}`);
  }
  const coms: Buffer[] = [];
  while (pad > 0) {
    // A segment holds at most 65533 bytes; never leave a remainder too small for a segment.
    let seg = Math.min(pad, 65537);
    if (pad - seg > 0 && pad - seg < 4) seg -= 4;
    const com = Buffer.alloc(seg, 0x20);
    com.writeUInt16BE(0xfffe, 0);
    com.writeUInt16BE(seg - 2, 2);
    coms.push(com);
    pad -= seg;
  }
  return Buffer.concat([head, ...coms, tail]);
}

/** A one-page PDF 1.4 saying "Redress evidence", padded with an unreferenced stream object. */
export function makePdf(bytes?: number): Buffer {
  const build = (padLen: number): Buffer => {
    const text = 'BT /F1 12 Tf 20 50 Td (Redress evidence) Tj ET';
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R ' +
        '/Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Length ${padLen} >>\nstream\n${' '.repeat(padLen)}\nendstream`,
    ];
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  };
  const base = build(0);
  if (bytes === undefined) return base;
  // The /Length and startxref digits grow with the padding; a few rounds settle them.
  let padLen = bytes - base.length;
  for (let i = 0; i < 5 && padLen >= 0; i++) {
    const out = build(padLen);
    if (out.length === bytes) return out;
    padLen += bytes - out.length;
  }
  throw new RangeError(`cannot make a PDF of exactly ${bytes} bytes (at least ${base.length})`);
}

/** An ISO BMFF box; `large` writes the 64-bit size form (size field 1). */
export function mp4Box(type: string, body: Buffer, large = false): Buffer {
  const t = Buffer.from(type, 'latin1');
  if (!large) return Buffer.concat([u32(8 + body.length), t, body]);
  const size = Buffer.alloc(8);
  size.writeBigUInt64BE(BigInt(16 + body.length));
  return Buffer.concat([u32(1), t, size, body]);
}

/** A movie header (mvhd) stating `durationMs` at timescale 1000, version 0 or 1. */
export function mvhd(durationMs: number, version: 0 | 1 = 0, timescale = 1000): Buffer {
  const ticks = BigInt(Math.round((durationMs * timescale) / 1000));
  const times = version === 0 ? 4 + 4 : 8 + 8;
  const body = Buffer.alloc(4 + times + 4 + (version === 0 ? 4 : 8) + 80);
  body[0] = version;
  body.writeUInt32BE(timescale, 4 + times);
  if (version === 0) body.writeUInt32BE(Number(ticks), 4 + times + 4);
  else body.writeBigUInt64BE(ticks, 4 + times + 4);
  const rest = 4 + times + 4 + (version === 0 ? 4 : 8);
  body.writeUInt32BE(0x00010000, rest); // rate 1.0
  body.writeUInt16BE(0x0100, rest + 4); // volume 1.0
  body.writeUInt32BE(0x00010000, rest + 16); // unity matrix a
  body.writeUInt32BE(0x00010000, rest + 32); // unity matrix d
  body.writeUInt32BE(0x40000000, rest + 48); // unity matrix w
  body.writeUInt32BE(2, rest + 76); // next track ID
  return mp4Box('mvhd', body);
}

export interface Mp4Options {
  /** Exact file size; the mdat is padded to reach it. */
  bytes?: number;
  /** Put moov after mdat, as cameras that write as they record do. */
  moovAtEnd?: boolean;
  version?: 0 | 1;
}

/** ftyp (isom) + moov/mvhd with the given duration + an mdat of padding. */
export function makeMp4(seconds: number, opts: Mp4Options = {}): Buffer {
  const ftyp = mp4Box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1'));
  const moov = mp4Box('moov', mvhd(seconds * 1000, opts.version ?? 0));
  const fixed = ftyp.length + moov.length + 8;
  const padLen = (opts.bytes ?? fixed + 64) - fixed;
  if (padLen < 0) throw new RangeError(`an MP4 here is at least ${fixed} bytes`);
  const mdat = mp4Box('mdat', Buffer.alloc(padLen, 0x11));
  return Buffer.concat(opts.moovAtEnd ? [ftyp, mdat, moov] : [ftyp, moov, mdat]);
}

/** A Windows executable's start: MZ header pointing at a PE signature. */
export function makeExe(): Buffer {
  const b = Buffer.alloc(128);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x40, 0x3c); // e_lfanew
  b.write('PE\0\0', 0x40, 'latin1');
  b.writeUInt16LE(0x14c, 0x44); // i386
  return b;
}

export interface FormPart {
  name: string;
  data: Buffer | string;
  /** Present for file parts. */
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body as a browser sends it (UTF-8 file names unescaped). */
export function multipartBody(parts: FormPart[]): { body: Buffer; contentType: string } {
  const boundary = `----redress${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) {
      head += `; filename="${p.filename}"\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}`;
    }
    chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
