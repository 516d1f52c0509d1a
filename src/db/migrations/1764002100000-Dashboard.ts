import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The web dashboard's sign-in links and sessions. Both are kept as SHA-256 hashes of the secret
 * the browser holds: a copy of the database lets no one sign in. Sessions live in PostgreSQL, so
 * any instance serves any session.
 */
export class Dashboard1764002100000 implements MigrationInterface {
  name = 'Dashboard1764002100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dashboard_sign_in (
        token_hash text PRIMARY KEY,
        person_id integer NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        platform text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX dashboard_sign_in_expires ON dashboard_sign_in (expires_at)`);
    await db.query(`
      CREATE TABLE dashboard_session (
        id_hash text PRIMARY KEY,
        person_id integer NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        platform text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await db.query(`CREATE INDEX dashboard_session_person ON dashboard_session (person_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dashboard_session`);
    await db.query(`DROP TABLE dashboard_sign_in`);
  }
}
