import type { ErrorInfo } from '../../contract/errors';
import type { IpcResponse } from '../../contract/ipc';

/** Types the flows show, derived from the IPC contract (type-only: no zod in the bundle). */
export type UserSummary = IpcResponse<'session.signIn'>['user'];
export type SecurityInfo = IpcResponse<'securityInfo.get'>;
export type { AppInfo, GateMethod, Language, SecurityInfoMethod } from '../../contract/ipc';
export type { ErrorInfo };
export type { Challenge, DirectoryPasswordRulesView, MethodChoice, OutboxMessage, PasswordPolicy } from '../../contract/api';
export type { MethodType, RegisteredMethod } from '../../contract/methods';
export type { MethodProof } from '../methods/method-module';

/** Every async step carries these two. */
export type Async = { loading: boolean; error: ErrorInfo | null };
