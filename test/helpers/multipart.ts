// A multipart/form-data body for app.inject(), built by hand so tests control every byte.
import { randomBytes } from 'node:crypto';

export interface Part {
  field?: string;
  filename?: string;
  contentType?: string;
  content: Buffer | string;
}

export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----redress${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const field = p.field ?? 'files';
    const disposition =
      p.filename !== undefined
        ? `form-data; name="${field}"; filename="${p.filename}"`
        : `form-data; name="${field}"`;
    const head =
      `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
      (p.filename !== undefined
        ? `Content-Type: ${p.contentType ?? 'application/octet-stream'}\r\n`
        : '') +
      '\r\n';
    chunks.push(Buffer.from(head), Buffer.from(p.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
