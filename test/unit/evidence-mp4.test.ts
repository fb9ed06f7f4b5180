import { describe, expect, it } from 'vitest';
import { bufferSource, readMp4Duration, type ByteSource } from '../../src/modules/evidence/mp4.js';
import { makeMp4, mp4Box, mvhd } from '../helpers/files.js';

const duration = (bytes: Buffer) => readMp4Duration(bufferSource(bytes));
const ftyp = mp4Box('ftyp', Buffer.from('isom\0\0\x02\0isom', 'latin1'));

function mvhdWith(patch: (body: Buffer) => void, version: 0 | 1 = 0): Buffer {
  const box = Buffer.from(mvhd(10_000, version));
  patch(box.subarray(8));
  return box;
}

describe('readMp4Duration', () => {
  it('reads a version 0 mvhd with moov before mdat', async () => {
    expect(await duration(makeMp4(10))).toBe(10_000);
    expect(await duration(makeMp4(60))).toBe(60_000);
  });

  it('reads a version 1 mvhd with moov after mdat', async () => {
    expect(await duration(makeMp4(61, { version: 1, moovAtEnd: true }))).toBe(61_000);
    expect(await duration(makeMp4(0.5, { version: 1, bytes: 4096 }))).toBe(500);
  });

  it('divides by the movie timescale', async () => {
    const file = Buffer.concat([ftyp, mp4Box('moov', mvhd(12_345, 0, 90_000))]);
    expect(await duration(file)).toBe(12_345);
  });

  it('follows a 64-bit largesize box and a last box of size 0', async () => {
    const moov = mp4Box('moov', mvhd(7_000));
    const large = mp4Box('mdat', Buffer.alloc(100), true);
    expect(await duration(Buffer.concat([ftyp, large, moov]))).toBe(7_000);
    const toEnd = Buffer.concat([Buffer.from([0, 0, 0, 0]), Buffer.from('mdat'), Buffer.alloc(50)]);
    expect(await duration(Buffer.concat([ftyp, moov, toEnd]))).toBe(7_000);
    // Size 0 reaches to the end, so a moov written after it is inside the mdat: no moov.
    expect(await duration(Buffer.concat([ftyp, toEnd, moov]))).toBeNull();
  });

  it('calls a file damaged when a box runs past its end', async () => {
    const whole = makeMp4(10, { bytes: 10_000 });
    expect(await duration(whole.subarray(0, 9_999))).toBeNull();
    const atEnd = makeMp4(10, { bytes: 10_000, moovAtEnd: true });
    expect(await duration(atEnd.subarray(0, 9_990))).toBeNull();
    expect(await duration(atEnd.subarray(0, 5_000))).toBeNull();
    const large = mp4Box('mdat', Buffer.alloc(100), true);
    expect(await duration(Buffer.concat([ftyp, large]).subarray(0, 60))).toBeNull();
  });

  it('calls bytes after the last box, or a box smaller than its header, damaged', async () => {
    expect(await duration(Buffer.concat([makeMp4(10), Buffer.from([1, 2, 3])]))).toBeNull();
    const tiny = Buffer.from([0, 0, 0, 4, 0x66, 0x72, 0x65, 0x65]); // size 4 'free'
    expect(await duration(Buffer.concat([ftyp, tiny, mp4Box('moov', mvhd(1_000))]))).toBeNull();
  });

  it('needs exactly one moov, with an mvhd that states a duration', async () => {
    expect(await duration(Buffer.concat([ftyp, mp4Box('mdat', Buffer.alloc(10))]))).toBeNull();
    expect(
      await duration(Buffer.concat([ftyp, mp4Box('moov', mp4Box('trak', Buffer.alloc(8)))])),
    ).toBeNull();
    const moov = mp4Box('moov', mvhd(1_000));
    expect(await duration(Buffer.concat([ftyp, moov, moov]))).toBeNull();
    const unknown = mvhdWith((b) => b.writeUInt32BE(0xffffffff, 16));
    expect(await duration(Buffer.concat([ftyp, mp4Box('moov', unknown)]))).toBeNull();
    const noScale = mvhdWith((b) => b.writeUInt32BE(0, 12));
    expect(await duration(Buffer.concat([ftyp, mp4Box('moov', noScale)]))).toBeNull();
    const version2 = mvhdWith((b) => (b[0] = 2));
    expect(await duration(Buffer.concat([ftyp, mp4Box('moov', version2)]))).toBeNull();
    const short = mp4Box('mvhd', Buffer.alloc(12));
    expect(await duration(Buffer.concat([ftyp, mp4Box('moov', short)]))).toBeNull();
  });

  it('gives up on a file of thousands of empty boxes', async () => {
    const free = mp4Box('free', Buffer.alloc(0));
    const many = Buffer.concat([ftyp, mp4Box('moov', mvhd(1_000)), ...Array(10_000).fill(free)]);
    expect(await duration(many)).toBeNull();
  });

  it('reads only box headers of a large file with moov at the end', async () => {
    // 50 MB: ftyp, one 64-bit mdat, then moov; only the header regions exist.
    const moov = mp4Box('moov', mvhd(42_000));
    const mdatSize = 50 * 1024 * 1024 - ftyp.length - moov.length;
    const mdatHead = Buffer.alloc(16);
    mdatHead.writeUInt32BE(1);
    mdatHead.write('mdat', 4, 'latin1');
    mdatHead.writeBigUInt64BE(BigInt(mdatSize), 8);
    const moovAt = ftyp.length + mdatSize;
    const reads: number[] = [];
    const src: ByteSource = {
      size: moovAt + moov.length,
      read: async (offset, length) => {
        reads.push(offset);
        const region =
          offset < ftyp.length
            ? ftyp.subarray(offset)
            : offset < moovAt
              ? Buffer.concat([mdatHead, Buffer.alloc(16)]).subarray(offset - ftyp.length)
              : moov.subarray(offset - moovAt);
        return region.subarray(0, length);
      },
    };
    expect(await readMp4Duration(src)).toBe(42_000);
    expect(reads.length).toBeLessThanOrEqual(5);
  });
});
