import type { VerifyStepProps } from '../method-module';
import { PhoneVerify } from '../shared/phone/phone-verify';

/** Passing a gate with a code sent by text message. */
export function SmsVerify(props: VerifyStepProps) {
  return <PhoneVerify {...props} type="sms" />;
}
