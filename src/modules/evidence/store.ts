// Content-addressed evidence files on local disk: <dir>/aa/bb/<sha256>, outside the web root.
// An upload is first written to <dir>/tmp and fsynced; commit() renames it into place and fsyncs
// the directory, so once the database commit that references it is acknowledged, a crash the
// next instant cannot lose the file.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_EVIDENCE_BYTES } from './limits.js';

export interface StagedFile {
  readonly tmpPath: string;
  /** Hex SHA-256 of the content; empty when tooLarge (only a prefix was kept). */
  readonly sha256: string;
  /** Bytes received (more than the store's maximum when tooLarge). */
  readonly size: number;
  /** Past the store's maximum: the temp file holds only the first maxBytes, for sniffing. */
  readonly tooLarge: boolean;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
// Temp files this old belong to no live upload (an upload is bounded by the request timeout);
// younger ones may be another process's upload on a shared store.
const STALE_TMP_MS = 60 * 60 * 1000;

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const h = await fs.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** mkdir that also makes the new entry durable in its parent. */
async function ensureDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { mode: 0o700 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw err;
  }
  await fsyncDir(path.dirname(dir));
}

export class EvidenceStore {
  readonly tmpDir: string;

  private constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {
    this.tmpDir = path.join(dir, 'tmp');
  }

  /** Creates the folders and removes temp files left by a process that died mid-upload. */
  static async open(dir: string, maxBytes = MAX_EVIDENCE_BYTES): Promise<EvidenceStore> {
    const store = new EvidenceStore(path.resolve(dir), maxBytes);
    await fs.mkdir(store.tmpDir, { recursive: true, mode: 0o700 });
    const now = Date.now();
    for (const name of await fs.readdir(store.tmpDir)) {
      const p = path.join(store.tmpDir, name);
      const st = await fs.stat(p).catch(() => null);
      if (st?.isFile() && now - st.mtimeMs > STALE_TMP_MS) await fs.rm(p, { force: true });
    }
    return store;
  }

  path(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Writes an incoming stream to a temp file while hashing it. Past maxBytes it stops writing
   * but reads on to the end, so the request can still be answered. On a stream error (the
   * client went away) the temp file is removed and the error rethrown.
   */
  async stage(source: AsyncIterable<Uint8Array>): Promise<StagedFile> {
    const tmpPath = path.join(this.tmpDir, randomBytes(16).toString('hex'));
    const fh = await fs.open(tmpPath, 'wx', 0o600);
    const hash = createHash('sha256');
    let size = 0;
    let tooLarge = false;
    try {
      for await (const chunk of source) {
        size += chunk.length;
        if (tooLarge) continue;
        if (size > this.maxBytes) {
          tooLarge = true;
          const keep = chunk.length - (size - this.maxBytes);
          if (keep > 0) await fh.write(chunk, 0, keep);
          continue;
        }
        hash.update(chunk);
        let off = 0;
        while (off < chunk.length) {
          off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
        }
      }
      if (!tooLarge) await fh.sync();
    } catch (err) {
      await fh.close().catch(() => undefined);
      await fs.rm(tmpPath, { force: true });
      throw err;
    }
    await fh.close();
    return { tmpPath, sha256: tooLarge ? '' : hash.digest('hex'), size, tooLarge };
  }

  /**
   * Moves a staged file into place. A file already stored under that hash is kept as it is
   * (same content by construction) and the temp copy dropped. Callers serialise commits of one
   * hash (an advisory lock), so `created` reliably says whether this call made the file.
   */
  async commit(staged: StagedFile): Promise<{ created: boolean }> {
    if (staged.tooLarge) throw new Error('an oversize file cannot be committed');
    const final = this.path(staged.sha256);
    const dir = path.dirname(final);
    await ensureDir(path.dirname(dir));
    await ensureDir(dir);
    if (await this.exists(staged.sha256)) {
      await this.discard(staged);
      return { created: false };
    }
    // Read-only: the store is written once; nothing should open these for writing.
    await fs.chmod(staged.tmpPath, 0o400);
    await fs.rename(staged.tmpPath, final);
    await fsyncDir(dir);
    return { created: true };
  }

  async discard(staged: StagedFile): Promise<void> {
    await fs.rm(staged.tmpPath, { force: true });
  }

  /** Only for files a failed request created and no record references. */
  async remove(sha256: string): Promise<void> {
    await fs.rm(this.path(sha256), { force: true });
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.path(sha256));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  /** The SHA-256 of the stored file as it is now on disk, or null when it is gone. */
  async hashFile(sha256: string): Promise<string | null> {
    if (!SHA256_HEX.test(sha256)) return null; // a mangled record names no file we could have
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(this.path(sha256))) hash.update(chunk as Buffer);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    return hash.digest('hex');
  }
}
