import type { ApiBody, ApiData, ApiRouteName } from '../../contract/api.js';
import type { Err, Result } from '../../contract/errors.js';
import type { NotifyLanguage } from '../notify/messages.js';
import type { ServiceContext } from '../service-context.js';

export interface HandlerInput<N extends ApiRouteName> {
  body: ApiBody<N>;
  /** The bearer token, when the request carried one. */
  token: string | null;
  /** Who is calling, for the audit log (address; never a secret). */
  client: string;
  /** The language the caller reads (from Accept-Language): codes and notices are written in it. */
  language: NotifyLanguage;
}

/** A route's logic: validated input in, a Result out. Never throws for a user's mistake. */
export type Handler<N extends ApiRouteName> = (ctx: ServiceContext, input: HandlerInput<N>) => Promise<Result<ApiData<N>>>;
export type Handlers = { [N in ApiRouteName]: Handler<N> };

/** Narrow a handler's intermediate value (a record, or the error that stopped it). */
export const isErr = (x: object): x is Err => 'ok' in x && (x as Err).ok === false;
