import type { ReactNode } from 'react';

/** A one-line note about a method (weaker option, reset only), on the note colour. */
export function MethodNote({ children }: { children: ReactNode }) {
  return <p className="method-note">{children}</p>;
}
