import type { AddWizardProps } from '../method-module';
import { PhoneAddWizard } from '../shared/phone/phone-add-wizard';

/** Adding a phone for text messages: the shared phone wizard, as type 'sms'. */
export function SmsAddWizard(props: AddWizardProps) {
  return <PhoneAddWizard {...props} type="sms" />;
}
