// Filling templates: `{{name}}` placeholders, nothing else (no logic, so an admin's edit cannot
// run code or reach data the node does not offer). Email gets an HTML part built from the text,
// with every value escaped.
import { varsOf, type NotifyNode } from '../../shared/notifications.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export function renderTemplate(text: string, vars: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => vars[name] ?? '');
}

/** What is wrong with a template for this node: unknown variables, stray braces. */
export function templateProblems(
  text: string,
  node: NotifyNode,
): { unknown: string[]; strayBraces: boolean } {
  const allowed = new Set(varsOf(node));
  const unknown = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (!allowed.has(m[1]!)) unknown.add(m[1]!);
  const rest = text.replace(PLACEHOLDER, '');
  return { unknown: [...unknown], strayBraces: /\{\{|\}\}/.test(rest) };
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const URL_RE = /(https?:\/\/[^\s<>"']+)/g;

/**
 * The HTML part of an email: the rendered text's paragraphs, links made clickable, and the
 * tracking link as a button. Mail clients strip <style>, so styles are inline.
 */
export function emailHtml(opts: {
  title: string;
  text: string;
  link: string | null;
  buttonLabel: string;
  footer: string;
}): string {
  const paragraphs = opts.text
    .split(/\n{2,}/)
    .map((p) => {
      const html = escapeHtml(p)
        .replace(
          URL_RE,
          (u) => `<a href="${u}" style="color:#1677ff;word-break:break-all">${u}</a>`,
        )
        .replace(/\n/g, '<br>');
      return `<p style="margin:0 0 14px;line-height:1.7">${html}</p>`;
    })
    .join('\n');
  const button = opts.link
    ? `<p style="margin:20px 0"><a href="${escapeHtml(opts.link)}" style="display:inline-block;background:#1677ff;color:#fff;text-decoration:none;padding:10px 20px;border-radius:6px">${escapeHtml(opts.buttonLabel)}</a></p>`
    : '';
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(opts.title)}</title></head>
<body style="margin:0;background:#f5f6f8;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1f1f1f">
<div style="max-width:600px;margin:0 auto;padding:24px">
<div style="background:#fff;border-radius:8px;padding:28px 32px">
<h1 style="font-size:20px;margin:0 0 18px">${escapeHtml(opts.title)}</h1>
${paragraphs}
${button}
</div>
<p style="font-size:12px;color:#8c8c8c;margin:14px 4px">${escapeHtml(opts.footer)}</p>
</div>
</body></html>`;
}
