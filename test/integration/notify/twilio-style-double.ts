/**
 * `twilioStyleDouble`: a local HTTP test DOUBLE of a Twilio-style SMS/voice REST API (node:http
 * on 127.0.0.1, port 0). It is NOT the provider: it records what it receives and answers the
 * way the test tells it, so HttpSmsProvider is tested against a real socket and real HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: Record<string, string>;
}

export interface TwilioStyleDouble {
  /** Use as HttpSmsProvider's baseUrl. */
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Answers 201 with a provider-like JSON body unless `answer` handles the request itself. */
export async function twilioStyleDouble(answer?: (req: RecordedRequest, res: ServerResponse) => void): Promise<TwilioStyleDouble> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      };
      requests.push(recorded);
      if (answer) return answer(recorded, res);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: 'SM0000', status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/2010-04-01`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
