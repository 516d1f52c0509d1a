import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled jobs: one row per (job, slot) claimed by the instance that runs it, and the count of
 * reminders already sent in a ticket's current pending period.
 */
export class Jobs1764000100000 implements MigrationInterface {
  name = 'Jobs1764000100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE job_run (
        job           text NOT NULL,
        slot          timestamptz NOT NULL,
        instance      text NOT NULL,
        started_at    timestamptz NOT NULL,
        finished_at   timestamptz,
        rows_affected integer,
        error         text,
        PRIMARY KEY (job, slot)
      )`);
    await db.query(`ALTER TABLE ticket ADD COLUMN reminders_sent smallint NOT NULL DEFAULT 0`);
    await db.query(`CREATE INDEX delivery_failed_idx ON delivery (created_at) WHERE status = 'failed'`);
    // The dispatcher walks unsent deliveries oldest first; without this it walks every sent row ever kept.
    // Incoming platform messages find their ticket by a place id kept in ticket.location.
    await db.query(`CREATE INDEX ticket_location_idx ON ticket USING gin (location jsonb_path_ops)`);
    await db.query(`CREATE INDEX delivery_unsent_id_idx ON delivery (id) WHERE status IN ('pending', 'sending')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS delivery_unsent_id_idx`);
    await db.query(`DROP INDEX IF EXISTS ticket_location_idx`);
    await db.query(`DROP INDEX IF EXISTS delivery_failed_idx`);
    await db.query(`ALTER TABLE ticket DROP COLUMN IF EXISTS reminders_sent`);
    await db.query(`DROP TABLE IF EXISTS job_run`);
  }
}
