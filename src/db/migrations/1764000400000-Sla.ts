import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Priorities and SLAs: the SLA clock on each ticket (see core/rules/sla.ts), the targets per
 * priority (seeded with the defaults), optional business hours, and satisfaction ratings.
 */
export class Sla1764000400000 implements MigrationInterface {
  name = 'Sla1764000400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE ticket
        ADD COLUMN sla_elapsed_seconds         integer NOT NULL DEFAULT 0 CHECK (sla_elapsed_seconds >= 0),
        ADD COLUMN sla_running_since           timestamptz,
        ADD COLUMN first_response_due_at       timestamptz,
        ADD COLUMN resolution_due_at           timestamptz,
        ADD COLUMN sla_next_check_at           timestamptz,
        ADD COLUMN first_response_warned_at    timestamptz,
        ADD COLUMN first_response_breached_at  timestamptz,
        ADD COLUMN resolution_warned_at        timestamptz,
        ADD COLUMN resolution_breached_at      timestamptz`);
    // Tickets open before this migration start their clock now; the sweep fills in their due
    // times at its first run (a next check of now), rather than breaching them for time before SLAs existed.
    await db.query(`UPDATE ticket SET sla_running_since = now(), sla_next_check_at = now() WHERE status = 'open'`);
    // The sweep reads only running clocks whose next look has come, in that order.
    await db.query(
      `CREATE INDEX ticket_sla_next_check_idx ON ticket (sla_next_check_at) WHERE status = 'open' AND sla_next_check_at IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE sla_target (
        priority                text PRIMARY KEY CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
        first_response_minutes  integer NOT NULL CHECK (first_response_minutes > 0),
        resolution_minutes      integer NOT NULL CHECK (resolution_minutes > 0),
        updated_at              timestamptz NOT NULL DEFAULT now(),
        updated_by_id           integer REFERENCES person(id)
      )`);
    await db.query(`
      INSERT INTO sla_target (priority, first_response_minutes, resolution_minutes)
      VALUES ('P1', 60, 240), ('P2', 240, 1440), ('P3', 1440, 4320), ('P4', 4320, 10080)`);

    // At most one row (the key is always true); no row: the clock runs 24×7.
    await db.query(`
      CREATE TABLE business_calendar (
        id             boolean PRIMARY KEY DEFAULT true CHECK (id),
        time_zone      text NOT NULL,
        hours          jsonb NOT NULL,
        holidays       jsonb NOT NULL DEFAULT '[]',
        updated_at     timestamptz NOT NULL DEFAULT now(),
        updated_by_id  integer REFERENCES person(id)
      )`);

    // One rating per resolution: a second press of a rating button finds the key taken.
    await db.query(`
      CREATE TABLE rating (
        id           serial PRIMARY KEY,
        ticket_id    integer NOT NULL REFERENCES ticket(id),
        resolved_at  timestamptz NOT NULL,
        person_id    integer NOT NULL REFERENCES person(id),
        score        smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment      text,
        created_at   timestamptz NOT NULL,
        UNIQUE (ticket_id, resolved_at)
      )`);
    await db.query(`CREATE INDEX rating_created_idx ON rating (created_at)`);
    await db.query(`CREATE INDEX ticket_resolved_at_idx ON ticket (resolved_at) WHERE resolved_at IS NOT NULL`);
    await db.query(`CREATE INDEX ticket_created_at_idx ON ticket (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS rating`);
    await db.query(`DROP TABLE IF EXISTS business_calendar`);
    await db.query(`DROP TABLE IF EXISTS sla_target`);
    await db.query(`DROP INDEX IF EXISTS ticket_created_at_idx`);
    await db.query(`DROP INDEX IF EXISTS ticket_resolved_at_idx`);
    await db.query(`DROP INDEX IF EXISTS ticket_sla_next_check_idx`);
    await db.query(`
      ALTER TABLE ticket
        DROP COLUMN sla_elapsed_seconds, DROP COLUMN sla_running_since, DROP COLUMN first_response_due_at,
        DROP COLUMN resolution_due_at, DROP COLUMN sla_next_check_at, DROP COLUMN first_response_warned_at,
        DROP COLUMN first_response_breached_at, DROP COLUMN resolution_warned_at, DROP COLUMN resolution_breached_at`);
  }
}
