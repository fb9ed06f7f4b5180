// Reads a video's duration from the MP4 itself (ISO/IEC 14496-12): top-level boxes, then
// moov → mvhd. Every top-level box must fit the file exactly, so a truncated upload (the usual
// damage: an mdat or moov cut short) is found even when moov sits before the cut.

/** Random access to the bytes, so moov at the end of a 50 MB file costs a few small reads. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes at `offset`; fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bufferSource(buf: Uint8Array): ByteSource {
  return {
    size: buf.length,
    read: async (offset, length) => buf.subarray(offset, offset + length),
  };
}

interface Box {
  type: string;
  start: number;
  bodyStart: number;
  end: number;
}

// Real files have a handful of top-level boxes; a file of millions of tiny boxes is hostile.
const MAX_BOXES = 10_000;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The box at `pos` within [pos, limit), or null when its header or extent does not fit. */
async function readBox(src: ByteSource, pos: number, limit: number): Promise<Box | null> {
  if (pos + 8 > limit) return null;
  const head = await src.read(pos, 16);
  if (head.length < 8) return null;
  const v = view(head);
  const size32 = v.getUint32(0);
  const type = String.fromCharCode(head[4]!, head[5]!, head[6]!, head[7]!);
  let size: number;
  let header = 8;
  if (size32 === 1) {
    if (pos + 16 > limit || head.length < 16) return null;
    const large = v.getBigUint64(8);
    if (large > BigInt(Number.MAX_SAFE_INTEGER)) return null;
    size = Number(large);
    header = 16;
  } else if (size32 === 0) {
    size = limit - pos; // "extends to the end of the file"
  } else {
    size = size32;
  }
  if (size < header || pos + size > limit) return null;
  return { type, start: pos, bodyStart: pos + header, end: pos + size };
}

async function mvhdDuration(src: ByteSource, box: Box): Promise<number | null> {
  const body = await src.read(box.bodyStart, Math.min(box.end - box.bodyStart, 32));
  if (body.length < 4) return null;
  const v = view(body);
  const version = body[0];
  let timescale: bigint;
  let duration: bigint;
  if (version === 0) {
    if (body.length < 20) return null;
    timescale = BigInt(v.getUint32(12));
    duration = BigInt(v.getUint32(16));
    if (duration === 0xffffffffn) return null; // "unknown duration"
  } else if (version === 1) {
    if (body.length < 32) return null;
    timescale = BigInt(v.getUint32(20));
    duration = v.getBigUint64(24);
    if (duration === 0xffffffffffffffffn) return null;
  } else {
    return null;
  }
  if (timescale === 0n) return null;
  return Number((duration * 1000n + timescale / 2n) / timescale);
}

async function durationInMoov(src: ByteSource, moov: Box): Promise<number | null> {
  let pos = moov.bodyStart;
  for (let n = 0; pos < moov.end && n < MAX_BOXES; n++) {
    const child = await readBox(src, pos, moov.end);
    if (!child) return null;
    if (child.type === 'mvhd') return mvhdDuration(src, child);
    pos = child.end;
  }
  return null;
}

/** The duration in milliseconds, or null when the file is damaged or states no duration. */
export async function readMp4Duration(src: ByteSource): Promise<number | null> {
  let pos = 0;
  let duration: number | null = null;
  let moovs = 0;
  for (let n = 0; pos < src.size; n++) {
    if (n >= MAX_BOXES) return null;
    const box = await readBox(src, pos, src.size);
    if (!box) return null;
    if (box.type === 'moov') {
      moovs++;
      duration = await durationInMoov(src, box);
      if (duration === null) return null;
    }
    pos = box.end;
  }
  return moovs === 1 ? duration : null;
}
