import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ResendButtonProps {
  label: string;
  secondsLeft: number;
  total: number;
  busy: boolean;
  onResend: () => void;
}

/**
 * "Send a new code", disabled with a visible countdown while the cooldown runs. Only the
 * start and the end of the wait are announced (politely), never every second.
 */
export function ResendButton({ label, secondsLeft, total, busy, onResend }: ResendButtonProps) {
  const { t } = useTranslation();
  const cooling = secondsLeft > 0;
  const [announce, setAnnounce] = useState('');
  const wasCooling = useRef(cooling);
  useEffect(() => {
    if (cooling && !wasCooling.current) setAnnounce(t('method.common.resendWait', { seconds: String(total) }));
    if (!cooling && wasCooling.current) setAnnounce(t('method.common.resendReady'));
    wasCooling.current = cooling;
  }, [cooling, total, t]);
  return (
    <div className="method-resend">
      <button type="button" className="secondary" disabled={cooling || busy} onClick={onResend}>
        {cooling ? t('method.common.resendIn', { label, seconds: String(secondsLeft) }) : label}
      </button>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announce}
      </p>
    </div>
  );
}
