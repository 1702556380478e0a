import type { Writable } from 'node:stream';
import type { Store } from '../store/store.js';

/**
 * Write the audit log as JSON lines (one event per line, in order) — the format SIEMs and
 * `jq` read. Events never hold a secret, so the export needs no redaction.
 */
export async function exportAuditJsonLines(store: Pick<Store, 'listAudit'>, out: Writable, since?: string): Promise<number> {
  const events = await store.listAudit(since ? { since } : {});
  for (const event of events) {
    if (!out.write(`${JSON.stringify(event)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  return events.length;
}
