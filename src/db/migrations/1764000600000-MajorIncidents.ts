import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Major incidents: a parent ticket (is_major) that look-alike incidents join (major_incident_id),
 * the helpdesk itself as the parent's customer (a person no platform knows), and the proposals
 * staff answer with "Declare major incident" or "Not related".
 */
export class MajorIncidents1764000600000 implements MigrationInterface {
  name = 'MajorIncidents1764000600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE ticket
        ADD COLUMN is_major boolean NOT NULL DEFAULT false,
        ADD COLUMN major_incident_id integer REFERENCES ticket(id),
        ADD CONSTRAINT ticket_major_not_nested CHECK (NOT (is_major AND major_incident_id IS NOT NULL))`);
    await db.query(
      `CREATE INDEX ticket_major_children_idx ON ticket (major_incident_id) WHERE major_incident_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX ticket_open_majors_idx ON ticket (id) WHERE is_major AND status <> 'resolved'`);

    await db.query(`ALTER TABLE person ADD COLUMN is_helpdesk boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE UNIQUE INDEX person_one_helpdesk_idx ON person (is_helpdesk) WHERE is_helpdesk`);
    await db.query(`INSERT INTO person (display_name, is_helpdesk) VALUES ('Helpdesk', true)`);

    await db.query(`
      CREATE TABLE major_proposal (
        id             serial PRIMARY KEY,
        status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'declared', 'dismissed')),
        ticket_ids     integer[] NOT NULL,
        parent_id      integer REFERENCES ticket(id),
        decided_by_id  integer REFERENCES person(id),
        decided_at     timestamptz,
        created_at     timestamptz NOT NULL
      )`);
    // "Not related" is remembered per ticket: a dismissed ticket never counts toward a proposal again.
    await db.query(`ALTER TABLE ticket ADD COLUMN look_alike_dismissed_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket DROP COLUMN look_alike_dismissed_at`);
    await db.query(`DROP TABLE IF EXISTS major_proposal`);
    await db.query(`DELETE FROM person WHERE is_helpdesk`);
    await db.query(`ALTER TABLE person DROP COLUMN is_helpdesk`);
    await db.query(
      `ALTER TABLE ticket DROP CONSTRAINT ticket_major_not_nested, DROP COLUMN major_incident_id, DROP COLUMN is_major`,
    );
  }
}
