import type { WebContents } from 'electron';
import type { AppOrigin } from './app-origin.js';
import { openExternalSafely } from './external-links.js';
import { createLogger } from './log.js';

const log = createLogger('navigation');

/**
 * Lock down a WebContents: no new windows (an https link opens in the user's browser
 * instead, through the one checked function, unless it is on our own origin), no
 * navigation away from the app's origin, no <webview>. Applied to every WebContents the app ever gets (`web-contents-created`).
 */
export function hardenWebContents(contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>, origin: AppOrigin): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Our own origin exists only inside the app: handed to a browser it would reach a real
    // host of that name (or whatever listens on localhost), so it is not opened at all.
    if (!origin.owns(url)) void openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!origin.owns(event.url)) {
      event.preventDefault();
      log.warn('Blocked navigation away from the app');
    }
  });
  contents.on('will-redirect', (event) => {
    if (!origin.owns(event.url)) {
      event.preventDefault();
      log.warn('Blocked a redirect away from the app');
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Blocked a <webview>');
  });
}
