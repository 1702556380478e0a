import { ok } from '../../../../contract/errors.js';
import type { IpcHandler } from '../handler.js';
import { markMethod } from '../on-this-device.js';
import { isErr, sessionOf } from '../session-guard.js';

export const getQuestionPool: IpcHandler<'securityInfo.getQuestionPool'> = async (_request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  return s.client.call('getQuestionPool', {}, session.token);
};

/** The answers go to the service, which keeps only their hashes; they never come back. */
export const registerQuestions: IpcHandler<'securityInfo.registerQuestions'> = async (request, s) => {
  const session = sessionOf(s);
  if (isErr(session)) return session;
  const result = await s.client.call('registerQuestions', request, session.token);
  if (!result.ok) return result;
  return ok(await markMethod(s, session.userId, result.data.method));
};
