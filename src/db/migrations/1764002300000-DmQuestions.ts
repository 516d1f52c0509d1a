import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The "Open a ticket with this message?" each person has open in their DM with the bot: a second
 * DM updates that question instead of asking again. Kept in the database, not in one process, so
 * it survives a restart and every instance sees the same question.
 */
export class DmQuestions1764002300000 implements MigrationInterface {
  name = 'DmQuestions1764002300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dm_question (
        platform    text NOT NULL,
        user_id     text NOT NULL,
        channel_id  text NOT NULL,
        question_id text NOT NULL,
        asked_at    timestamptz NOT NULL,
        PRIMARY KEY (platform, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dm_question`);
  }
}
