/** One step of a store's schema. Released migrations are never edited: add a higher version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const latestVersion = (migrations: readonly Migration[]): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0);

/** The refusal when a database was written by a newer build than this one. */
export class SchemaTooNewError extends Error {
  constructor(where: string, found: number, known: number) {
    super(
      `The store at ${where} has schema version ${found}, but this build of Sign-in Helper knows versions up to ${known}: ` +
        'it was written by a newer version. Run that version (or a newer one) against it; this one refuses to open it so nothing is damaged.',
    );
    this.name = 'SchemaTooNewError';
  }
}
