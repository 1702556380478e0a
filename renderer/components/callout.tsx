import type { ReactNode } from 'react';

/**
 * A quiet box for something to know (the privacy note) or to do (re-confirm): `role="note"`
 * for information, a labelled region for a question that asks for an answer.
 */
export function Callout({ tone, title, children, asks = false }: { tone: 'info' | 'warning'; title?: string; children: ReactNode; asks?: boolean }) {
  if (asks && title) {
    return (
      <section className={`callout callout-${tone}`} aria-label={title}>
        <h2 className="callout-title">{title}</h2>
        {children}
      </section>
    );
  }
  return (
    <div className={`callout callout-${tone}`} role="note" aria-label={title}>
      {title && <p className="callout-title">{title}</p>}
      {children}
    </div>
  );
}
