import type { IpcResponse } from '../../contract/ipc';

/** Types the flows show, derived from the IPC contract (type-only: no zod in the bundle). */
export type UserSummary = IpcResponse<'session.signIn'>['user'];
export type SecurityInfo = IpcResponse<'securityInfo.get'>;
export type AuthAppSetup = IpcResponse<'securityInfo.beginAuthenticatorApp'>;
export type { AppInfo, Language } from '../../contract/ipc';
export type { ErrorInfo } from '../../contract/errors';
export type { MethodChoice, OutboxMessage, PasswordPolicy } from '../../contract/api';
export type { MethodType, RegisteredMethod } from '../../contract/methods';
