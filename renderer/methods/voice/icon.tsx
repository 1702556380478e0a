import { IconFrame } from '../shared/icon-frame';

/** A phone handset: a call. */
export function VoiceIcon({ className }: { className?: string }) {
  return (
    <IconFrame className={className}>
      <path d="M6.5 3.5 9 4l1.5 4-2 1.5a11 11 0 0 0 6 6l1.5-2 4 1.5.5 2.5a2 2 0 0 1-2 2A16 16 0 0 1 4.5 5.5a2 2 0 0 1 2-2z" />
    </IconFrame>
  );
}
