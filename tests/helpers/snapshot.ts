import type { DataSource } from 'typeorm';

/**
 * Tables whose rows may change without any request: none today. `job_run` and `lease` are written
 * by the scheduled jobs and the gateway lease, which tests start themselves when they want them.
 * A table named here is still compared by `storedState`, only left out of `stateFingerprint`.
 */
export const TABLES_THAT_CHANGE_ON_THEIR_OWN: ReadonlyMap<string, string> = new Map();

/** Every table of the store, read from the database's catalog (a table added by a migration is compared without anyone listing it). */
export async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
     ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

/**
 * Everything stored, as one comparable value: used to prove that a refused or invalid operation
 * changed nothing at all. Rows are ordered by their whole text, so tables without a single-column
 * key compare the same way every time.
 */
export async function storedState(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const state: Record<string, unknown[]> = {};
  for (const table of await tableNames(dataSource)) {
    state[table] = await dataSource.query(`SELECT * FROM "${table}" AS r ORDER BY r::text`);
  }
  return state;
}

/**
 * A cheap stand-in for `storedState` when thousands of comparisons are made (the fuzz suite): per
 * table, its row count and an order-independent sum of its rows' hashes, in one query. Equal
 * fingerprints mean, short of a hash collision, equal tables.
 */
export async function stateFingerprint(dataSource: DataSource, tables?: string[]): Promise<Record<string, string>> {
  const names = (tables ?? (await tableNames(dataSource))).filter((t) => !TABLES_THAT_CHANGE_ON_THEIR_OWN.has(t));
  const rows: Array<{ name: string; fingerprint: string }> = await dataSource.query(
    names
      .map(
        (t) =>
          `SELECT '${t}' AS name, count(*) || ':' || coalesce(sum(hashtextextended(r::text, 0)), 0) AS fingerprint FROM "${t}" AS r`,
      )
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.fingerprint]));
}

/** The tables whose fingerprints differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]).sort();
}
