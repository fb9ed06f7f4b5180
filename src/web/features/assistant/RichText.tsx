// The assistant's answers as simple rich text: one paragraph per line, **bold**, and
// markdown-style links [text](/path) as real links. Built from React elements only, never HTML,
// so an answer (or a person's message) cannot inject markup.
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import './rich.css';

const INLINE = /\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+)\*\*/g;

function link(text: string, href: string, key: string): ReactNode {
  // In-app paths stay in the app; web addresses open a new tab; anything else is just text.
  if (href.startsWith('/') && !href.startsWith('//')) {
    return (
      <Link key={key} to={href}>
        {text}
      </Link>
    );
  }
  if (/^https?:\/\//i.test(href)) {
    return (
      <a key={key} href={href} target="_blank" rel="noopener noreferrer">
        {text}
      </a>
    );
  }
  return <Fragment key={key}>{text}</Fragment>;
}

function inline(line: string, lineKey: number): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let i = 0;
  for (const m of line.matchAll(INLINE)) {
    const at = m.index;
    if (at > last) out.push(line.slice(last, at));
    const key = `${lineKey}-${i++}`;
    if (m[1] !== undefined && m[2] !== undefined) out.push(link(m[1], m[2], key));
    else out.push(<strong key={key}>{m[3]}</strong>);
    last = at + m[0].length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}

export function RichText({ text, className }: { text: string; className?: string }) {
  const lines = text.split(/\r?\n/);
  return (
    <div className={className ? `as-rich ${className}` : 'as-rich'}>
      {lines.map((line, n) =>
        line.trim() === '' ? (
          <div key={n} className="as-rich-gap" />
        ) : (
          <p key={n} className={/^\s*[·•\-–]\s/.test(line) ? 'as-rich-item' : undefined}>
            {inline(line, n)}
          </p>
        ),
      )}
    </div>
  );
}
