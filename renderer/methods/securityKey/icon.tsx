import { IconFrame } from '../shared/icon-frame';

/** A key: a security key or passkey. */
export function SecurityKeyIcon({ className }: { className?: string }) {
  return (
    <IconFrame className={className}>
      <circle cx="8" cy="12" r="4" />
      <path d="M12 12h9M17.5 12v3M20.5 12v2" />
    </IconFrame>
  );
}
