import { describe, expect, it } from 'vitest';
import { contentDisposition, evidenceFileUrl } from '../../src/modules/evidence/present.js';
import { cleanFileName } from '../../src/modules/evidence/receive.js';

describe('cleanFileName', () => {
  it('keeps Chinese names and drops any path', () => {
    expect(cleanFileName('快递面单.jpg')).toBe('快递面单.jpg');
    expect(cleanFileName('C:\\Users\\张三\\签收记录.png')).toBe('签收记录.png');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('removes control characters and replaces broken surrogates', () => {
    expect(cleanFileName('a\u0000b\u001fc\u007f.pdf')).toBe('abc.pdf');
    expect(cleanFileName('x\uD800y.jpg')).toBe('x\uFFFDy.jpg');
    expect(cleanFileName('😀.png')).toBe('😀.png');
  });

  it('names a nameless file "file" and cuts long names at 200 characters', () => {
    expect(cleanFileName(undefined)).toBe('file');
    expect(cleanFileName('  ')).toBe('file');
    expect(cleanFileName('dir/')).toBe('file');
    expect(cleanFileName('长'.repeat(300))).toBe('长'.repeat(200));
    expect(Array.from(cleanFileName('😀'.repeat(300))).length).toBe(200);
  });
});

describe('download headers', () => {
  it('encode the name as RFC 5987 UTF-8', () => {
    expect(contentDisposition('快递面单.jpg')).toBe(
      "inline; filename*=UTF-8''%E5%BF%AB%E9%80%92%E9%9D%A2%E5%8D%95.jpg",
    );
    expect(contentDisposition("it's (1) *.pdf")).toBe(
      "inline; filename*=UTF-8''it%27s%20%281%29%20%2A.pdf",
    );
  });

  it('point at the file route', () => {
    expect(evidenceFileUrl('TS20261122-000123-7', 3)).toBe(
      '/api/v1/complaints/TS20261122-000123-7/evidence/3/file',
    );
  });
});
