import { IconFrame } from '../shared/icon-frame';

/** A question mark in a circle: security questions. */
export function QuestionsIcon({ className }: { className?: string }) {
  return (
    <IconFrame className={className}>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5v.7" />
      <path d="M12 17h.01" strokeWidth="2.5" />
    </IconFrame>
  );
}
