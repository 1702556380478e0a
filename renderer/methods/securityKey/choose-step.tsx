import { useTranslation } from 'react-i18next';
import { Screen } from '../../components/screen';
import type { Attachment, SecurityKeyState } from './add-state';
import { ProblemLine } from './problem-line';

interface ChooseStepProps {
  state: Extract<SecurityKeyState, { step: 'choose' }>;
  onChoose: (attachment: Attachment) => void;
  onCancel: () => void;
}

/** Where the key lives: this device's own authenticator (when it has one) or a key/phone. */
export function ChooseStep({ state, onChoose, onCancel }: ChooseStepProps) {
  const { t } = useTranslation();
  return (
    <Screen name="add-security-key-choose" title={t('method.securityKey.chooseTitle')} loading={state.loading} error={state.error} errorActions={{ retry: () => onChoose('cross-platform') }}>
      <p>{t('method.securityKey.chooseIntro')}</p>
      <ProblemLine problem={state.problem} />
      {state.loading && <p>{t('method.securityKey.followPrompts')}</p>}
      {state.supported && state.platform === null && <p className="muted">{t('method.securityKey.checking')}</p>}
      {state.supported && (
        <ul className="method-options">
          {state.platform && (
            <li>
              <button type="button" disabled={state.loading} aria-describedby="sk-platform-hint" onClick={() => onChoose('platform')}>
                {t('method.securityKey.platform')}
              </button>
              <p id="sk-platform-hint" className="hint">
                {t('method.securityKey.platformHint')}
              </p>
            </li>
          )}
          <li>
            <button type="button" disabled={state.loading} aria-describedby="sk-cross-hint" onClick={() => onChoose('cross-platform')}>
              {t('method.securityKey.crossPlatform')}
            </button>
            <p id="sk-cross-hint" className="hint">
              {t('method.securityKey.crossPlatformHint')}
            </p>
          </li>
        </ul>
      )}
      <div className="actions">
        <button type="button" className="secondary" disabled={state.loading} onClick={onCancel}>
          {t('method.common.cancel')}
        </button>
      </div>
    </Screen>
  );
}
