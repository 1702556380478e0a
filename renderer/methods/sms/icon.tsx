import { IconFrame } from '../shared/icon-frame';

/** A speech bubble with dots: a text message. */
export function SmsIcon({ className }: { className?: string }) {
  return (
    <IconFrame className={className}>
      <path d="M4 5h16v11H9l-5 4z" />
      <path d="M8.5 10.5h.01M12 10.5h.01M15.5 10.5h.01" strokeWidth="2.5" />
    </IconFrame>
  );
}
