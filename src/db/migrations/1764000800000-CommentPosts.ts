import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bot's own copies of a comment (mirrored into a Discord thread, a Slack card thread or DM
 * thread): where each was posted, so a redaction can edit them, and a link to a copy finds its
 * comment. A message id is unique per platform, as the comment's own is.
 */
export class CommentPosts1764000800000 implements MigrationInterface {
  name = 'CommentPosts1764000800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE comment_post (
        id          bigserial PRIMARY KEY,
        comment_id  bigint NOT NULL REFERENCES comment(id),
        platform    text NOT NULL CHECK (platform IN ('discord', 'slack')),
        channel_id  text NOT NULL,
        message_id  text NOT NULL,
        created_at  timestamptz NOT NULL,
        CONSTRAINT comment_post_message_unique UNIQUE (platform, message_id)
      )`);
    await db.query(`CREATE INDEX comment_post_comment_idx ON comment_post (comment_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS comment_post`);
  }
}
