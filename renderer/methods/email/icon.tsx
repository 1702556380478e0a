import { IconFrame } from '../shared/icon-frame';

/** An envelope: an alternate email address. */
export function EmailIcon({ className }: { className?: string }) {
  return (
    <IconFrame className={className}>
      <rect x="3" y="5.5" width="18" height="13" rx="1.5" />
      <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
    </IconFrame>
  );
}
