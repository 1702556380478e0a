import type { ReactNode } from 'react';

/** The frame of every method icon: 24×24, drawn in currentColor, decorative (the name is written beside it). */
export function IconFrame({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <svg className={['method-icon', className].filter(Boolean).join(' ')} viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}
