import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type QrState = { step: 'drawing' } | { step: 'ready'; src: string } | { step: 'failed' };

/**
 * Draws an otpauth URI as an <img> of an SVG data: URL (the CSP allows `img-src data:`,
 * never an inline SVG string in innerHTML). The QR library loads lazily, on this screen only.
 */
export function QrCode({ uri }: { uri: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<QrState>({ step: 'drawing' });

  useEffect(() => {
    let live = true;
    setState({ step: 'drawing' });
    import('qrcode')
      .then((mod) => {
        // CommonJS package: its functions sit on `default` when bundled, on the namespace in Node.
        const lib = 'default' in mod && mod.default ? mod.default : mod;
        return lib.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
      })
      .then((svg) => {
        if (live) setState({ step: 'ready', src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg) });
      })
      .catch(() => {
        if (live) setState({ step: 'failed' });
      });
    return () => {
      live = false;
    };
  }, [uri]);

  switch (state.step) {
    case 'drawing':
      return <p className="qr-placeholder">{t('method.authenticatorApp.qrLoading')}</p>;
    case 'failed':
      return <p className="qr-placeholder">{t('method.authenticatorApp.qrFailed')}</p>;
    case 'ready':
      return <img className="qr" src={state.src} alt={t('method.authenticatorApp.qrAlt')} width={200} height={200} />;
  }
}
