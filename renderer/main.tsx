import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { installWebBridge } from './bridge/web-bridge';
import { initI18n, pickLanguage } from './i18n';
import './styles.css';

// Outside Electron there is no preload: talk to the web host over HTTP instead.
installWebBridge();
// The browser's locale until AppInfo says which language was chosen.
void initI18n(pickLanguage(null, navigator.language));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
