import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets opened from a chat message: one message makes at most one ticket, however many people
 * react to it or ask for it (the primary key settles openings racing each other).
 */
export class WaysIn1764002200000 implements MigrationInterface {
  name = 'WaysIn1764002200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE message_ticket (
        platform text NOT NULL,
        channel_id text NOT NULL,
        message_id text NOT NULL,
        ticket_id integer NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
        PRIMARY KEY (platform, channel_id, message_id)
      )`);
    await db.query(`CREATE INDEX message_ticket_ticket ON message_ticket (ticket_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE message_ticket`);
  }
}
