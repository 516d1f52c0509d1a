import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settings admins change from chat (`/helpdesk setup`): one row per key. A stored value takes
 * precedence over the environment's default for the same setting; who changed it and when is kept.
 */
export class Settings1764000300000 implements MigrationInterface {
  name = 'Settings1764000300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE helpdesk_setting (
        key           text PRIMARY KEY,
        value         text NOT NULL,
        updated_by_id integer REFERENCES person(id),
        updated_at    timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS helpdesk_setting`);
  }
}
