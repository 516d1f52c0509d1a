import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service catalog and creation guides: services (with their guide's checks and questions),
 * tickets tied to them, and the drafts of the guide flow — what a customer submitted before
 * choosing between an article that solved it (a deflection) and opening the ticket.
 */
export class Catalog1764000700000 implements MigrationInterface {
  name = 'Catalog1764000700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE service (
        id             serial PRIMARY KEY,
        name           varchar(80) NOT NULL,
        description    varchar(1000) NOT NULL DEFAULT '',
        covered        boolean NOT NULL DEFAULT true,
        owning_tier    smallint NOT NULL DEFAULT 1 CHECK (owning_tier BETWEEN 1 AND 3),
        checks         text[] NOT NULL DEFAULT '{}',
        questions      text[] NOT NULL DEFAULT '{}',
        archived_at    timestamptz,
        created_at     timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL,
        updated_by_id  integer REFERENCES person(id)
      )`);
    await db.query(`CREATE UNIQUE INDEX service_name_idx ON service (lower(name)) WHERE archived_at IS NULL`);
    await db.query(
      `ALTER TABLE ticket ADD CONSTRAINT ticket_service_fk FOREIGN KEY (service_id) REFERENCES service(id)`,
    );

    await db.query(`
      CREATE TABLE ticket_draft (
        id                     uuid PRIMARY KEY,
        person_id              integer NOT NULL REFERENCES person(id),
        platform               text NOT NULL,
        service_id             integer REFERENCES service(id),
        title                  varchar(100) NOT NULL,
        description            varchar(3000) NOT NULL,
        type                   text NOT NULL,
        impact                 text,
        urgency                text,
        answers                jsonb NOT NULL DEFAULT '[]',
        suggested_article_ids  integer[] NOT NULL DEFAULT '{}',
        outcome                text CHECK (outcome IN ('opened', 'deflected', 'declined')),
        ticket_id              integer REFERENCES ticket(id),
        article_id             integer REFERENCES article(id),
        created_at             timestamptz NOT NULL,
        expires_at             timestamptz NOT NULL,
        decided_at             timestamptz
      )`);
    await db.query(
      `CREATE INDEX ticket_draft_waiting_idx ON ticket_draft (person_id, created_at) WHERE outcome IS NULL`,
    );
    await db.query(`CREATE INDEX ticket_draft_decided_idx ON ticket_draft (decided_at) WHERE outcome IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS ticket_draft`);
    await db.query(`ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ticket_service_fk`);
    await db.query(`DROP TABLE IF EXISTS service`);
  }
}
