/**
 * The bench's HTTP client: JSON POSTs to the service's API over keep-alive loopback
 * connections (node:http, lighter than fetch, so less of the shared CPU goes to the client).
 */
import { Agent, request } from 'node:http';

export interface ApiAnswer {
  status: number;
  body: { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message?: string } };
}

export interface JsonClient {
  post(path: string, body: unknown, bearer?: string, headers?: Record<string, string>): Promise<ApiAnswer>;
  close(): void;
}

export function jsonClient(serviceUrl: string, connections: number): JsonClient {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  return {
    post: (path, body, bearer, headers = {}) =>
      new Promise((resolve, reject) => {
        const data = JSON.stringify(body);
        const req = request(`${serviceUrl}/api/v1${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiAnswer['body'] });
            } catch (e) {
              reject(e);
            }
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(data);
      }),
    close: () => agent.destroy(),
  };
}

/** The data of an ok answer, or a throw naming the route and the service's error code. */
export function dataOf(answer: ApiAnswer, what: string): Record<string, unknown> {
  if (!answer.body.ok) throw new Error(`${what}: HTTP ${answer.status} ${answer.body.error.code}${answer.body.error.message ? ` (${answer.body.error.message})` : ''}`);
  return answer.body.data;
}
