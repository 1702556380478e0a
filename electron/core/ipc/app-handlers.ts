import { err, ok } from '../../../contract/errors.js';
import type { IpcHandler } from './handler.js';

export const getAppInfo: IpcHandler<'app.getInfo'> = async (_request, s) => {
  // The tenant's name and helpdesk are nice to have: the app still opens when the directory is down.
  const tenant = await s.client.call('getTenant', {});
  const config = s.config.effective();
  return ok({
    version: s.version,
    host: s.host,
    demo: s.demo || (tenant.ok && tenant.data.demo),
    tenantName: tenant.ok ? tenant.data.name : '',
    systemLocale: s.systemLocale,
    language: config.values.language ?? null,
    languageLocked: config.locked.has('language'),
    helpdesk: tenant.ok ? tenant.data.helpdesk : {},
    startFlow: s.startFlow,
    ...(s.startUserId ? { startUserId: s.startUserId } : {}),
    ...(s.lockScreen ? { lockScreen: true } : {}),
    idleTimeoutMs: s.idleTimeoutMs,
  });
};

/** The lock-screen helper closes after success or idle; the session is wiped before the window goes. */
export const quitApp: IpcHandler<'app.quit'> = async (_request, s) => {
  // After this call returns, so the page gets its answer before its window closes.
  setTimeout(s.quit, 0);
  return ok({});
};

/**
 * `remember: true` saves the choice (refused when managed policy sets the language);
 * `remember: false` only says which language the user reads now, so the directory writes
 * in it — e.g. the browser's language in the web host when none was chosen.
 */
export const setLanguage: IpcHandler<'app.setLanguage'> = async ({ language, remember }, s) => {
  const config = s.config.effective();
  const locked = config.locked.has('language');
  if (remember) {
    if (!(await s.config.setPreference('language', language))) return err('NOT_AVAILABLE', 'The language is set by your organization');
  } else if (locked && config.values.language !== language) {
    return err('NOT_AVAILABLE', 'The language is set by your organization');
  }
  s.language.set(language);
  return ok({});
};

export const getPasswordPolicy: IpcHandler<'password.getPolicy'> = (_request, s) => s.client.call('getPasswordPolicy', {});

/** The service's rules and blocklist as the person types (the renderer debounces). */
export const checkPassword: IpcHandler<'password.check'> = (request, s) => s.client.call('checkPassword', request);

/** Change a known password: the old one proves who you are; nothing is kept on this side. */
export const changePassword: IpcHandler<'password.change'> = (request, s) => s.client.call('changePassword', request);

export const contactHelpdesk: IpcHandler<'helpdesk.contact'> = (request, s) => s.client.call('contactHelpdesk', request);

/** Outside demo mode the directory has no such route and answers NOT_FOUND. */
export const getDemoOutbox: IpcHandler<'demo.getOutbox'> = (_request, s) => s.client.call('getDemoOutbox', {});
