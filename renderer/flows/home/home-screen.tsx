import { useTranslation } from 'react-i18next';
import { OptionCard } from '../../components/option-card';
import { Screen } from '../../components/screen';
import { useStore } from '../../store/store';

/**
 * The start: the organization, and the ways in. On the lock screen only the two that work
 * without signing in (reset, unlock); elsewhere also change and sign-in to security info.
 */
export function HomeScreen({ tenantName, lockScreen = false }: { tenantName: string; lockScreen?: boolean }) {
  const { t } = useTranslation();
  const openSignIn = useStore((s) => s.openSignIn);
  const openReset = useStore((s) => s.openReset);
  const openUnlock = useStore((s) => s.openUnlock);
  const openChange = useStore((s) => s.openChange);
  return (
    <Screen name="home" title={lockScreen ? t('lockScreen.title') : t('app.name')}>
      {tenantName && <p className="eyebrow">{t('home.tenant', { name: tenantName })}</p>}
      <p className="lead">{lockScreen ? t('lockScreen.intro') : t('home.intro')}</p>
      <div className="option-list">
        <OptionCard title={t('home.forgot')} description={t('home.forgotHint')} icon={<Glyph name="key" />} onClick={openReset} />
        <OptionCard title={t('home.unlock')} description={t('home.unlockHint')} icon={<Glyph name="lock" />} onClick={() => openUnlock()} />
        {!lockScreen && (
          <>
            <OptionCard title={t('home.change')} description={t('home.changeHint')} icon={<Glyph name="pencil" />} onClick={() => openChange()} />
            <OptionCard title={t('home.signIn')} description={t('home.signInHint')} icon={<Glyph name="shield" />} onClick={openSignIn} />
          </>
        )}
      </div>
    </Screen>
  );
}

/** Decorative glyphs of the paths (inline SVG: the CSP allows no external images). */
const glyphPaths = {
  shield: 'M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Zm0 2.1 6 2.3V11c0 4-2.5 7.6-6 8.9-3.5-1.3-6-4.9-6-8.9V6.4l6-2.3Zm3.3 4.6L11 13l-2.3-2.3-1.4 1.4L11 15.8l5.7-5.7-1.4-1.4Z',
  key: 'M7.5 14a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5Zm5.6-4A6 6 0 1 0 13 14h3v3h3v-3h2v-4h-7.9Z',
  lock: 'M12 2a5 5 0 0 0-5 5v3H5v12h14V10h-2V7a5 5 0 0 0-5-5Zm-3 5a3 3 0 1 1 6 0v3H9V7Zm-2 5h10v8H7v-8Zm5 2a1.5 1.5 0 0 0-1 2.6V18h2v-1.4a1.5 1.5 0 0 0-1-2.6Z',
  pencil: 'M3 17.3V21h3.7L17.8 9.9l-3.7-3.7L3 17.3Zm17.7-10.2a1 1 0 0 0 0-1.4l-2.4-2.4a1 1 0 0 0-1.4 0l-1.8 1.8 3.7 3.7 1.9-1.7Z',
} as const;

function Glyph({ name }: { name: keyof typeof glyphPaths }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" focusable="false">
      <path d={glyphPaths[name]} fill="currentColor" />
    </svg>
  );
}
