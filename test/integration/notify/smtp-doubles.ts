/**
 * SMTP on 127.0.0.1 (port 0) the way a relay works or breaks: a real SMTP server
 * (smtp-server) that records what it receives, a server that resets every connection, one
 * that accepts and never greets, and one that greets and then goes quiet. The notifier under
 * test is the real SmtpNotifier speaking real SMTP to them.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface RecordingRelay {
  port: number;
  /** Raw messages (headers and body) as received, in order. */
  received: { rcptTo: string[]; raw: string }[];
  close(): Promise<void>;
}

/** A working relay without authentication (loopback, as a site's local relay). */
export async function recordingRelay(): Promise<RecordingRelay> {
  const received: RecordingRelay['received'] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface BrokenRelay {
  port: number;
  /** Connections accepted so far. */
  connections: number;
  close(): Promise<void>;
}

/** A TCP server that treats each connection as `onConnection` says: reset it, never answer, greet then stall. */
async function brokenRelay(onConnection: (socket: Socket) => void): Promise<BrokenRelay> {
  const sockets = new Set<Socket>();
  const relay: BrokenRelay = { port: 0, connections: 0, close: async () => undefined };
  const server: Server = createServer((socket) => {
    relay.connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relay.port = (server.address() as AddressInfo).port;
  relay.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return relay;
}

/** Every connection is reset (RST) as soon as it is accepted. */
export const resettingRelay = () => brokenRelay((socket) => socket.resetAndDestroy());
/** Accepts and never says a word: no greeting. */
export const silentRelay = () => brokenRelay(() => undefined);
/** Greets, then answers nothing more (a relay hung mid-conversation). */
export const stallingRelay = () => brokenRelay((socket) => socket.write('220 relay.test ESMTP\r\n'));

/** Greets, then answers every command one character at a time, slowly: never idle, never done. */
export const tricklingRelay = (everyMs: number) =>
  brokenRelay((socket) => {
    socket.write('220 relay.test ESMTP\r\n');
    const timer = setInterval(() => socket.writable && socket.write('2'), everyMs);
    socket.on('close', () => clearInterval(timer));
  });
