import { IconFrame } from '../shared/icon-frame';

/** A phone with a shield: an app that shows codes. */
export function AuthenticatorAppIcon({ className }: { className?: string }) {
  return (
    <IconFrame className={className}>
      <rect x="6" y="2.5" width="12" height="19" rx="2" />
      <path d="M12 8.5 9.5 9.5v2c0 1.7 1 3 2.5 3.5 1.5-.5 2.5-1.8 2.5-3.5v-2z" />
      <path d="M11 18.5h2" />
    </IconFrame>
  );
}
