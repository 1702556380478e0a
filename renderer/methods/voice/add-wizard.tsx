import type { AddWizardProps } from '../method-module';
import { PhoneAddWizard } from '../shared/phone/phone-add-wizard';

/** Adding a phone for calls: the shared phone wizard, as type 'voice'. */
export function VoiceAddWizard(props: AddWizardProps) {
  return <PhoneAddWizard {...props} type="voice" />;
}
