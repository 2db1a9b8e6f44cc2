import { Typography } from '@mantine/core';
import { Children, createElement, type ReactNode, useEffect } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import { useLocation } from 'react-router';

// "## 2.1 Bankverbindungen {#confidentiality.bank-data}": the guideline's headings name the section ids
// the guideline check's findings link to.
const ANCHOR = /\s*\{#([a-z0-9][a-z0-9.-]*)\}\s*$/;

function splitAnchor(children: ReactNode): { id?: string; content: ReactNode } {
  const parts = Children.toArray(children);
  const last = parts[parts.length - 1];
  if (typeof last !== 'string') return { content: children };
  const m = ANCHOR.exec(last);
  if (!m) return { content: children };
  return { id: m[1], content: [...parts.slice(0, -1), last.slice(0, m.index)] };
}

const heading =
  (tag: 'h2' | 'h3' | 'h4' | 'h5') =>
  ({ children }: { children?: ReactNode }) => {
    const { id, content } = splitAnchor(children);
    return createElement(tag, { id, tabIndex: id ? -1 : undefined }, content);
  };

// One level down: the page's own title is its only h1.
const components: Components = { h1: heading('h2'), h2: heading('h3'), h3: heading('h4'), h4: heading('h5') };

/**
 * Markdown written by people in the organisation (guidelines, training). Raw HTML in it is shown as text,
 * never run, and links with unsafe protocols are dropped (react-markdown's defaults).
 */
export function Markdown({ children }: { children: string }) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [hash]);
  return (
    <Typography>
      <ReactMarkdown components={components}>{children}</ReactMarkdown>
    </Typography>
  );
}
