import { useTranslation } from 'react-i18next';
import type { VerifyStepProps } from '../method-module';
import { CodeVerify } from '../shared/code-verify';

/** Passing a reset gate with a code sent to the alternate email. */
export function EmailVerify(props: VerifyStepProps) {
  const { t } = useTranslation();
  const texts = {
    intro: t('method.email.verifyIntro', { hint: props.method.hint }),
    send: t('method.email.sendCode'),
    sentTo: (sentTo: string) => t('method.email.sentTo', { sentTo }),
    resend: t('method.email.resend'),
  };
  return <CodeVerify {...props} texts={texts} />;
}
