import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Named leases held by one instance at a time (the Discord gateway connection): a row per name,
 * its holder and when the hold runs out unless renewed.
 */
export class Leases1764000200000 implements MigrationInterface {
  name = 'Leases1764000200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE lease (
        name       text PRIMARY KEY,
        holder     text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS lease`);
  }
}
