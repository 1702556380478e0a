import { useTranslation } from 'react-i18next';
import type { VerifyStepProps } from '../../method-module';
import { CodeVerify } from '../code-verify';
import { phoneTexts } from './phone-texts';

/** Passing a gate with a code sent by text message or read out in a call. */
export function PhoneVerify({ type, ...props }: VerifyStepProps & { type: 'sms' | 'voice' }) {
  const { t } = useTranslation();
  const texts = phoneTexts(type, t);
  return <CodeVerify {...props} texts={{ intro: texts.verifyIntro(props.method.hint), send: texts.send, sentTo: texts.sentTo, resend: texts.resend }} />;
}
