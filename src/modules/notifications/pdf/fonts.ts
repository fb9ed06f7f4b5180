// The complainant PDFs print Chinese, so they embed Noto Sans SC (the standard PDF fonts have no
// CJK glyphs, and a non-embedded CJK font renders as boxes or not at all on many readers). The
// TTFs are ~10 MB each: read once per process and shared by every document.
//
// Measured here (pdfkit 0.20, fontkit 2): reading both files takes ~20 ms once per process.
// Registering them from these Buffers and drawing the first Chinese glyphs in both weights costs
// ~32 ms per document (fontkit re-parses cmap and layout tables for each document), of a warm
// render of 35–80 ms; pdfkit subsets what is used, so a PDF is 30–65 KB, not 20 MB. Handing pdfkit
// parsed fontkit Font objects shared across documents (it accepts them) cuts that to ~4 ms, but
// it means importing pdfkit's transitive fontkit untyped and sharing its glyph caches between
// documents; below the 100 ms at which that would pay for itself, so Buffers it is.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface NotoSansSc {
  regular: Buffer;
  bold: Buffer;
}

let loading: Promise<NotoSansSc> | null = null;

/** Resolved through the package so it works from src (tsx) and from dist (tsc) alike. */
export function notoSansScDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
}

export function loadNotoSansSc(): Promise<NotoSansSc> {
  if (!loading) {
    const dir = notoSansScDir();
    loading = Promise.all([
      readFile(join(dir, '400Regular', 'NotoSansSC_400Regular.ttf')),
      readFile(join(dir, '700Bold', 'NotoSansSC_700Bold.ttf')),
    ]).then(
      ([regular, bold]) => ({ regular, bold }),
      (err: unknown) => {
        // A failed read (say, a half-installed node_modules) must not be cached for the process.
        loading = null;
        throw err;
      },
    );
  }
  return loading;
}
