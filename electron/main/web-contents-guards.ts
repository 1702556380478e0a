import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';
import { openExternalSafely } from './external-links.js';
import { createLogger } from './log.js';

const log = createLogger('navigation');

/**
 * Lock down a WebContents: no new windows (an https link opens in the user's browser
 * instead, through the one checked function), no navigation away from the app's origin,
 * no <webview>. Applied to every WebContents the app ever gets (`web-contents-created`).
 */
export function hardenWebContents(contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>): void {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log.warn('Blocked navigation away from the app');
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log.warn('Blocked a redirect away from the app');
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Blocked a <webview>');
  });
}
