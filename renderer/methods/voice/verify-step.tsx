import type { VerifyStepProps } from '../method-module';
import { PhoneVerify } from '../shared/phone/phone-verify';

/** Passing a gate with a code read out in a call. */
export function VoiceVerify(props: VerifyStepProps) {
  return <PhoneVerify {...props} type="voice" />;
}
