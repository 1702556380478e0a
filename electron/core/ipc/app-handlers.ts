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
  });
};

export const setLanguage: IpcHandler<'app.setLanguage'> = async ({ language }, s) =>
  (await s.config.setPreference('language', language)) ? ok({}) : err('NOT_AVAILABLE', 'The language is set by your organization');

export const getPasswordPolicy: IpcHandler<'password.getPolicy'> = (_request, s) => s.client.call('getPasswordPolicy', {});

export const contactHelpdesk: IpcHandler<'helpdesk.contact'> = (request, s) => s.client.call('contactHelpdesk', request);

/** Outside demo mode the directory has no such route and answers NOT_FOUND. */
export const getDemoOutbox: IpcHandler<'demo.getOutbox'> = (_request, s) => s.client.call('getDemoOutbox', {});
