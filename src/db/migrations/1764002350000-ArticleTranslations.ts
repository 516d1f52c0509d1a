import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The articles the helpdesk writes itself (the SLA, the service catalog) in every language it
 * speaks besides English: the article row keeps the English text (searched, listed, revised),
 * and each other language's title and body is kept here, rewritten with it.
 */
export class ArticleTranslations1764002350000 implements MigrationInterface {
  name = 'ArticleTranslations1764002350000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE article_translation (
        article_id integer NOT NULL REFERENCES article(id) ON DELETE CASCADE,
        language   varchar(8) NOT NULL,
        title      text NOT NULL,
        body       text NOT NULL,
        PRIMARY KEY (article_id, language)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE article_translation`);
  }
}
