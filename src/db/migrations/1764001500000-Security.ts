import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A link code is redeemed in two steps: the redeemer is recorded on the code, and only the
 * identity that asked for it joins the two by confirming. Redemption attempts are counted per
 * person (a few an hour). A Slack form submission is remembered by its view id and hash for a
 * while, so a replayed request, on whichever instance it lands, opens nothing twice.
 */
export class Security1764001500000 implements MigrationInterface {
  name = 'Security1764001500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE link_code ADD COLUMN redeemer_id integer REFERENCES person(id)`);
    await db.query(`ALTER TABLE link_code ADD COLUMN redeemer_platform text`);
    await db.query(`
      CREATE TABLE link_attempt (
        id         bigserial PRIMARY KEY,
        person_id  integer NOT NULL REFERENCES person(id),
        at         timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX link_attempt_person_idx ON link_attempt (person_id, at)`);
    await db.query(`
      CREATE TABLE slack_submission (
        key          text PRIMARY KEY,
        received_at  timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX slack_submission_received_idx ON slack_submission (received_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS slack_submission`);
    await db.query(`DROP TABLE IF EXISTS link_attempt`);
    await db.query(`ALTER TABLE link_code DROP COLUMN IF EXISTS redeemer_platform`);
    await db.query(`ALTER TABLE link_code DROP COLUMN IF EXISTS redeemer_id`);
  }
}
