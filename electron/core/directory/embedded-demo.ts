/**
 * The embedded default (DESIGN.md): with no directory configured, the app runs the directory
 * service in-process on a random loopback port with the Contoso demo tenant. This file is the
 * one place where the main side reaches into server/, and it does so lazily so a configured
 * app never loads the service's code.
 */
export interface EmbeddedDirectory {
  url: string;
  close(): Promise<void>;
}

export async function startEmbeddedDemo(): Promise<EmbeddedDirectory> {
  const { startService } = await import('../../../server/start-service.js');
  const service = await startService({ host: '127.0.0.1', port: 0 });
  return { url: service.url, close: service.close };
}
