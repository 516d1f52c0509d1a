import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language a person reads (`/helpdesk language`, or remembered from their Discord client);
 * null: the helpdesk's own (`HELPDESK_LANGUAGE`). A code, not a foreign key: languages are files
 * of texts, not rows.
 */
export class PersonLanguage1764001950000 implements MigrationInterface {
  name = 'PersonLanguage1764001950000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE person ADD COLUMN language text CHECK (language ~ '^[a-z]{2,3}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE person DROP COLUMN language`);
  }
}
