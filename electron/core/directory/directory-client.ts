import axios, { AxiosError, type AxiosInstance } from 'axios';
import { API_PREFIX, apiRoutes, LANGUAGE_HEADER, type ApiBody, type ApiData, type ApiRouteName } from '../../../contract/api.js';
import { err, errorInfoSchema, ok, type Result } from '../../../contract/errors.js';
import { z } from 'zod';
import { checkDirectoryUrl } from './url-policy.js';

export interface DirectoryClientOptions {
  baseUrl: string;
  /** Per request; a directory that does not answer in time is reported, not waited on. */
  timeoutMs?: number;
  /** The language the user reads now, asked at each request: the service writes codes and mails in it. */
  language?: () => string;
}

const failureBody = z.object({ ok: z.literal(false), error: errorInfoSchema });

/** Network failures that mean "can't reach it", as opposed to "it answered badly". */
const unreachable = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE']);

/**
 * The app's client of the directory API. Every call resolves to a Result whose error code
 * tells apart: the network is down, the directory took too long, the directory failed, the
 * directory said no (its own code), and the directory answered something we can't read.
 */
export class DirectoryClient {
  private readonly http: AxiosInstance | null;
  private readonly insecureReason: string | null;
  private readonly language: () => string;

  constructor(options: DirectoryClientOptions) {
    this.language = options.language ?? (() => 'en');
    const checked = checkDirectoryUrl(options.baseUrl);
    this.insecureReason = checked.ok ? null : checked.reason;
    this.http = checked.ok
      ? axios.create({
          baseURL: checked.url.origin + checked.url.pathname.replace(/\/$/, '') + API_PREFIX,
          timeout: options.timeoutMs ?? 10_000,
          // Every status is read: the body says what went wrong.
          validateStatus: () => true,
          maxRedirects: 0,
          maxContentLength: 1024 * 1024,
          headers: { accept: 'application/json' },
          adapter: 'http',
        })
      : null;
  }

  async call<N extends ApiRouteName>(name: N, body: ApiBody<N>, token?: string): Promise<Result<ApiData<N>>> {
    if (!this.http) return err('DIRECTORY_INSECURE', `The directory address is not allowed: ${this.insecureReason}`);
    const route = apiRoutes[name];
    let status: number;
    let data: unknown;
    try {
      const response = await this.http.request({
        method: route.method,
        url: route.path,
        ...(route.method === 'POST' ? { data: body } : {}),
        headers: { [LANGUAGE_HEADER]: this.language(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      status = response.status;
      data = response.data;
    } catch (cause) {
      return mapNetworkError(cause);
    }
    const failure = failureBody.safeParse(data);
    if (failure.success) return { ok: false, error: failure.data.error };
    if (status >= 500) return err('DIRECTORY_ERROR', `The directory failed (HTTP ${status})`);
    const success = z.object({ ok: z.literal(true), data: route.response }).safeParse(data);
    if (status >= 200 && status < 300 && success.success) return ok(success.data.data as ApiData<N>);
    return err('DIRECTORY_BAD_RESPONSE', `The directory's answer could not be read (HTTP ${status})`);
  }
}

function mapNetworkError(cause: unknown): Result<never> {
  if (cause instanceof AxiosError) {
    if (cause.code === 'ECONNABORTED' || cause.code === 'ETIMEDOUT' || cause.code === AxiosError.ETIMEDOUT) {
      return err('DIRECTORY_TIMEOUT', 'The directory did not answer in time');
    }
    const code = cause.code ?? (cause.cause as NodeJS.ErrnoException | undefined)?.code ?? '';
    if (unreachable.has(code)) return err('DIRECTORY_UNREACHABLE', `The directory cannot be reached (${code})`);
    if (cause.code === AxiosError.ERR_BAD_RESPONSE) return err('DIRECTORY_BAD_RESPONSE', `The directory's answer could not be read (${cause.message})`);
    return err('DIRECTORY_UNREACHABLE', `The directory cannot be reached (${code || cause.message})`);
  }
  return err('DIRECTORY_UNREACHABLE', 'The directory cannot be reached');
}
