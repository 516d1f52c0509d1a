import type { DataSource } from 'typeorm';

const TABLES = [
  'person',
  'identity',
  'link_code',
  'ticket',
  'comment',
  'comment_revision',
  'attachment',
  'comment_post',
  'ticket_event',
  'delivery',
  'article',
  'article_revision',
  'helpdesk_setting',
];

/**
 * Everything stored, as one comparable value: used to prove that a refused or invalid operation
 * changed nothing at all.
 */
export async function storedState(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const state: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    state[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY 1`);
  }
  return state;
}
