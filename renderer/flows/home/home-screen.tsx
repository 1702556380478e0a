import { useTranslation } from 'react-i18next';
import { OptionCard } from '../../components/option-card';
import { Screen } from '../../components/screen';
import { useStore } from '../../store/store';

/** The start: the organization, and the two things a person comes here for. */
export function HomeScreen({ tenantName }: { tenantName: string }) {
  const { t } = useTranslation();
  const openSignIn = useStore((s) => s.openSignIn);
  const openReset = useStore((s) => s.openReset);
  return (
    <Screen name="home" title={t('app.name')}>
      {tenantName && <p className="eyebrow">{t('home.tenant', { name: tenantName })}</p>}
      <p className="lead">{t('home.intro')}</p>
      <div className="option-list">
        <OptionCard title={t('home.signIn')} description={t('home.signInHint')} icon={<ShieldGlyph />} onClick={openSignIn} />
        <OptionCard title={t('home.forgot')} description={t('home.forgotHint')} icon={<KeyGlyph />} onClick={openReset} />
      </div>
    </Screen>
  );
}

/** Decorative glyphs of the two paths (inline SVG: the CSP allows no external images). */
function ShieldGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" focusable="false">
      <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Zm0 2.1 6 2.3V11c0 4-2.5 7.6-6 8.9-3.5-1.3-6-4.9-6-8.9V6.4l6-2.3Zm3.3 4.6L11 13l-2.3-2.3-1.4 1.4L11 15.8l5.7-5.7-1.4-1.4Z" fill="currentColor" />
    </svg>
  );
}

function KeyGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" focusable="false">
      <path d="M7.5 14a2.5 2.5 0 1 1 0-5 2.5 2.5 0 0 1 0 5Zm5.6-4A6 6 0 1 0 13 14h3v3h3v-3h2v-4h-7.9Z" fill="currentColor" />
    </svg>
  );
}
