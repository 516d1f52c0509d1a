import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What look-alike incident detection needs: trigram similarity (pg_trgm; PGlite loads the same
 * extension in its worker) and indexes for its query. The same SQL runs on both stores.
 */
export class LookAlike1764000500000 implements MigrationInterface {
  name = 'LookAlike1764000500000';

  async up(db: QueryRunner): Promise<void> {
    // Trusted since PostgreSQL 13, so a database owner without superuser may create it too.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // The look-alike query reads the incidents of the last few minutes: this finds them without
    // scanning the table, however many older tickets there are.
    await db.query(`CREATE INDEX ticket_type_created_idx ON ticket (type, created_at)`);
    // Trigrams of the expression the look-alike query compares (titles: on whole descriptions
    // similarity() costs too much per incident). The window query reads the window index instead;
    // this one serves a `%` title search across all incidents, such as finding the parent to link
    // a ticket to, and on titles it costs an opening little to keep up.
    await db.query(`CREATE INDEX ticket_title_trgm_idx ON ticket USING gin ((lower(title)) gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS ticket_title_trgm_idx`);
    await db.query(`DROP INDEX IF EXISTS ticket_type_created_idx`);
    await db.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
