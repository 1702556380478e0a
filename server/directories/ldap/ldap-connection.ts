/**
 * Connections to an LDAP server, shared by the OpenLDAP and Active Directory directories:
 * TLS (ldaps:// or StartTLS, with the organization's CA), timeouts, a small pool of
 * connections bound as the service account (reused, replaced after the server restarts),
 * and one short-lived connection per user bind (a user's password never rides on a pooled
 * connection). Every failure to reach the server becomes DirectoryUnavailableError.
 */
import type { ConnectionOptions } from 'node:tls';
import { Client, ResultCodeError } from 'ldapts';
import { DirectoryUnavailableError } from '../directory.js';

export interface LdapConnectionOptions {
  /** ldap://host:port or ldaps://host:port. */
  url: string;
  /** Upgrade an ldap:// connection with StartTLS before any bind. */
  startTls?: boolean;
  tls?: {
    /** PEM of the CA that signed the server's certificate (default: the system's CAs). */
    ca?: string;
    /** The name the certificate carries, when the URL uses another (an IP address, an alias). */
    serverName?: string;
  };
  /** The service account: reads users, resets passwords, unlocks. */
  bindDn: string;
  bindPassword: string;
  /** Per operation and per TCP connect. */
  timeoutMs: number;
  /** Service connections kept open (LDAP multiplexes operations on each). */
  poolSize?: number;
}

/** Result codes that say the server is not there to answer, not that it refused. */
const UNAVAILABLE_RESULT_CODES = new Set([51 /* busy */, 52 /* unavailable */, 80 /* other: e.g. AD's shutdown */]);

/** True when `e` says the server could not be reached or answered nothing (not an LDAP refusal). */
export function isConnectionFailure(e: unknown): boolean {
  if (e instanceof ResultCodeError) return UNAVAILABLE_RESULT_CODES.has(e.code);
  return e instanceof Error;
}

/** Node's codes for a certificate or TLS handshake that failed. */
const TLS_ERROR_CODE = /CERT|SIGNATURE|SELF_SIGNED|ISSUER|^ERR_(TLS|SSL)_|^EPROTO$/;

/** A connection-level failure as the service reports it: what failed, never a credential. */
export function unavailable(e: unknown, what: string): DirectoryUnavailableError {
  const err = e as { code?: unknown; name?: string; message?: string };
  const raw = typeof err?.code === 'string' ? err.code : undefined;
  // Node names each certificate failure on its own (UNABLE_TO_VERIFY_LEAF_SIGNATURE,
  // ERR_TLS_CERT_ALTNAME_INVALID…): one code, TLS, for the audit; the detail stays in the message.
  const tls = (raw !== undefined && TLS_ERROR_CODE.test(raw)) || /certificate|tls|ssl/i.test(err?.message ?? '');
  const code = tls ? 'TLS' : (raw ?? (/timeout/i.test(err?.message ?? '') ? 'TIMEOUT' : (err?.name ?? 'ERROR')));
  return new DirectoryUnavailableError(`The directory could not be reached (${what}: ${raw && raw !== code ? `${code} ${raw}` : code})`, code);
}


export class LdapConnections {
  private readonly pool: Promise<Client>[] = [];
  private next = 0;

  constructor(private readonly options: LdapConnectionOptions) {}

  private tlsOptions(): ConnectionOptions {
    const tls = this.options.tls ?? {};
    return { minVersion: 'TLSv1.2', ...(tls.ca ? { ca: tls.ca } : {}), ...(tls.serverName ? { servername: tls.serverName } : {}) };
  }

  /** A new connection, TLS set up, not bound. */
  async open(): Promise<Client> {
    const client = new Client({
      url: this.options.url,
      timeout: this.options.timeoutMs,
      connectTimeout: this.options.timeoutMs,
      // ldapts treats any tlsOptions as "connect with TLS": only ldaps:// gets them here.
      ...(this.options.url.startsWith('ldaps:') ? { tlsOptions: this.tlsOptions() } : {}),
    });
    if (this.options.startTls) {
      try {
        await client.startTLS(this.tlsOptions());
      } catch (e) {
        // A refused upgrade (wrong CA, the server offers no TLS) leaves a plain socket open: close it.
        await client.unbind().catch(() => undefined);
        throw e;
      }
    }
    return client;
  }

  private async openService(): Promise<Client> {
    const client = await this.open();
    try {
      await client.bind(this.options.bindDn, this.options.bindPassword);
    } catch (e) {
      await client.unbind().catch(() => undefined);
      // A refused service bind is a configuration fault, but to the user it is the same: the directory can't be used now.
      if (e instanceof ResultCodeError && !UNAVAILABLE_RESULT_CODES.has(e.code)) throw new DirectoryUnavailableError(`The service account could not bind (LDAP result ${e.code})`, 'SERVICE_BIND');
      throw e;
    }
    return client;
  }

  /**
   * Run `fn` on a pooled service connection. A connection that failed (the server
   * restarted, an idle connection was closed) is replaced and `fn` retried once on a fresh
   * one; a second failure is DirectoryUnavailableError. LDAP refusals (result codes) pass
   * through to `fn`'s caller untouched.
   */
  async asService<T>(what: string, fn: (client: Client) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const slot = this.next++ % (this.options.poolSize ?? 4);
      const pending = (this.pool[slot] ??= this.openService());
      try {
        return await fn(await pending);
      } catch (e) {
        if (e instanceof DirectoryUnavailableError && e.code === 'SERVICE_BIND') {
          if (this.pool[slot] === pending) delete this.pool[slot];
          throw e;
        }
        if (!isConnectionFailure(e)) throw e;
        if (this.pool[slot] === pending) {
          delete this.pool[slot];
          void pending.then((c) => c.unbind()).catch(() => undefined);
        }
        if (attempt >= 1) throw unavailable(e, what);
      }
    }
  }

  /**
   * Bind as `dn` with `password` on a connection of its own, run `fn` on it (a self-service
   * change), and close it. Returns the bind's LDAP error (wrong password, locked…) as data;
   * connection failures throw DirectoryUnavailableError.
   */
  async asUser<T>(dn: string, password: string, controls: import('ldapts').Control[], fn: (client: Client) => Promise<T>): Promise<{ bound: true; value: T } | { bound: false; error: ResultCodeError }> {
    let client: Client;
    try {
      client = await this.open();
    } catch (e) {
      throw unavailable(e, 'connect');
    }
    try {
      try {
        await client.bind(dn, password, controls);
      } catch (e) {
        if (e instanceof ResultCodeError && !UNAVAILABLE_RESULT_CODES.has(e.code)) return { bound: false, error: e };
        throw unavailable(e, 'bind');
      }
      try {
        return { bound: true, value: await fn(client) };
      } catch (e) {
        if (e instanceof ResultCodeError && !UNAVAILABLE_RESULT_CODES.has(e.code)) throw e;
        throw unavailable(e, 'operation');
      }
    } finally {
      // Always unbind, even after a failed bind: an open socket keeps the process alive.
      await client.unbind().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const open = this.pool.splice(0);
    await Promise.all(open.map((p) => p.then((c) => c.unbind()).catch(() => undefined)));
  }
}
