import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import type { AuthAppState } from './add-state';

interface IntroStepProps {
  state: Extract<AuthAppState, { step: 'intro' }>;
  onOtherDevice: () => void;
  onThisDevice: () => void;
  onCancel: () => void;
}

/**
 * Step 1: get the app. When this device can hold the key (OS presence check, keyring,
 * policy), it is offered beside the app on a phone; when it cannot, one line says why.
 */
export function IntroStep({ state, onOtherDevice, onThisDevice, onCancel }: IntroStepProps) {
  const { t } = useTranslation();
  const device = state.device === 'asking' ? null : state.device;
  const available = device?.available === true;
  const reason = device && !device.available && device.reason !== 'ok' ? t(`method.authenticatorApp.deviceReason.${device.reason}`) : null;
  return (
    <Screen name="add-authenticator-app-intro" title={t('method.authenticatorApp.introTitle')} loading={state.loading} error={state.error} errorActions={{ retry: onOtherDevice }}>
      <p>{t('method.authenticatorApp.introBody')}</p>
      {available ? <p>{t('method.authenticatorApp.thisDeviceBody')}</p> : <p>{t('method.authenticatorApp.introNext')}</p>}
      {state.device === 'asking' && <p className="muted">{t('method.authenticatorApp.checkingDevice')}</p>}
      {reason && <p className="method-note">{reason}</p>}
      <div className={available ? 'actions stacked' : 'actions'} aria-busy={state.loading}>
        <button type="button" disabled={state.loading} onClick={onOtherDevice}>
          {available ? t('method.authenticatorApp.otherDevice') : t('method.common.next')}
        </button>
        {available && (
          <button type="button" disabled={state.loading} onClick={onThisDevice}>
            {t('method.authenticatorApp.thisDevice')}
          </button>
        )}
        <button type="button" className="secondary" disabled={state.loading} onClick={onCancel}>
          {t('method.common.cancel')}
        </button>
      </div>
    </Screen>
  );
}
