import type { DataSource } from 'typeorm';

/** A column that can hold text: read from the database's own catalog, so a table added later is searched too. */
export interface TextColumn {
  table: string;
  column: string;
  /** How it is read as text: casts for JSON, arrays and search vectors, the bytes themselves for files. */
  expression: string;
}

export async function textColumns(dataSource: DataSource): Promise<TextColumn[]> {
  const rows: Array<{ table_name: string; column_name: string; data_type: string; udt_name: string }> =
    await dataSource.query(
      `SELECT c.table_name, c.column_name, c.data_type, c.udt_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       ORDER BY c.table_name, c.ordinal_position`,
    );
  const textual = new Set(['text', 'varchar', 'bpchar', 'json', 'jsonb', 'tsvector', '_text', '_varchar', 'bytea']);
  return rows
    .filter((r) => textual.has(r.udt_name))
    .map((r) => ({
      table: r.table_name,
      column: r.column_name,
      expression: r.udt_name === 'bytea' ? `encode("${r.column_name}", 'escape')` : `"${r.column_name}"::text`,
    }));
}

/** Every place (table.column: the matching values) where any of the words is found, ignoring case. One query for all columns. */
export async function findEverywhere(dataSource: DataSource, words: string[]): Promise<Record<string, string[]>> {
  const columns = await textColumns(dataSource);
  const rows: Array<{ place: string; value: string }> = await dataSource.query(
    columns
      .map(
        ({ table, column, expression }) =>
          `SELECT '${table}.${column}' AS place, ${expression} AS value FROM "${table}"
           WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS w(word) WHERE strpos(lower(${expression}), lower(w.word)) > 0)`,
      )
      .join(' UNION ALL '),
    [words],
  );
  const found: Record<string, string[]> = {};
  for (const { place, value } of rows) (found[place] ??= []).push(value);
  return found;
}

/** Every distinct text value of every text column, by table.column (for what a change removed). */
export async function allTextValues(dataSource: DataSource): Promise<Map<string, Set<string>>> {
  const columns = await textColumns(dataSource);
  const rows: Array<{ place: string; value: string }> = await dataSource.query(
    columns
      .map(
        ({ table, column, expression }) =>
          `SELECT DISTINCT '${table}.${column}' AS place, ${expression} AS value FROM "${table}" WHERE ${expression} IS NOT NULL`,
      )
      .join(' UNION ALL '),
  );
  const values = new Map<string, Set<string>>(columns.map((c) => [`${c.table}.${c.column}`, new Set<string>()]));
  for (const { place, value } of rows) values.get(place)!.add(value);
  return values;
}
