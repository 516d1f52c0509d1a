import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tickets opened from a chat message: one message makes at most one ticket, however many people
 * react to it or ask for it (the primary key settles openings racing each other). And saved replies.
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

    // Saved replies: a name unique among those in use, the text, how often staff used it; every
    // version kept as a revision, as articles keep theirs. Removing one archives it.
    await db.query(`
      CREATE TABLE saved_reply (
        id          serial PRIMARY KEY,
        name        varchar(40) NOT NULL,
        body        varchar(2000) NOT NULL,
        uses        integer NOT NULL DEFAULT 0,
        archived_at timestamptz,
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL
      )`);
    await db.query(`CREATE UNIQUE INDEX saved_reply_name ON saved_reply (lower(name)) WHERE archived_at IS NULL`);
    await db.query(`
      CREATE TABLE saved_reply_revision (
        id             bigserial PRIMARY KEY,
        saved_reply_id integer NOT NULL REFERENCES saved_reply(id),
        name           varchar(40) NOT NULL,
        body           varchar(2000) NOT NULL,
        edited_by_id   integer REFERENCES person(id) ON DELETE SET NULL,
        created_at     timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX saved_reply_revision_reply ON saved_reply_revision (saved_reply_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saved_reply_revision`);
    await db.query(`DROP TABLE saved_reply`);
    await db.query(`DROP TABLE message_ticket`);
  }
}
