import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy: a person erased by `/helpdesk forget` (their row stays, named by a placeholder, so
 * tickets and figures keep their shape), the record of who erased whom and when (ids only), a
 * functions that replace texts (inside JSON, in string values only, never a key), for the copies of a redacted
 * text in events, deliveries and drafts, and the index the retention job reads sent deliveries by.
 */
export class Privacy1764001900000 implements MigrationInterface {
  name = 'Privacy1764001900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE person ADD COLUMN erased_at timestamptz`);
    await db.query(`
      CREATE TABLE erasure (
        id            serial PRIMARY KEY,
        person_id     integer NOT NULL REFERENCES person(id),
        erased_by_id  integer NOT NULL REFERENCES person(id),
        erased_at     timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE FUNCTION replace_texts(value text, olds text[], news text[]) RETURNS text
      LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE
        result text := value;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(olds, 1), 0) LOOP
          result := replace(result, olds[i], news[i]);
        END LOOP;
        RETURN result;
      END $$`);
    await db.query(`
      CREATE FUNCTION jsonb_replace_texts(value jsonb, olds text[], news text[]) RETURNS jsonb
      LANGUAGE plpgsql IMMUTABLE AS $$
      BEGIN
        CASE jsonb_typeof(value)
          WHEN 'string' THEN
            RETURN to_jsonb(replace_texts(value #>> '{}', olds, news));
          WHEN 'array' THEN
            RETURN coalesce(
              (SELECT jsonb_agg(jsonb_replace_texts(e, olds, news) ORDER BY n)
               FROM jsonb_array_elements(value) WITH ORDINALITY AS a(e, n)),
              '[]'::jsonb);
          WHEN 'object' THEN
            RETURN coalesce(
              (SELECT jsonb_object_agg(k, jsonb_replace_texts(v, olds, news)) FROM jsonb_each(value) AS o(k, v)),
              '{}'::jsonb);
          ELSE
            RETURN value;
        END CASE;
      END $$`);
    await db.query(
      `CREATE INDEX delivery_sent_kept_idx ON delivery (sent_at) WHERE status = 'sent' AND payload <> '{}'::jsonb`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS delivery_sent_kept_idx`);
    await db.query(`DROP FUNCTION IF EXISTS jsonb_replace_texts(jsonb, text[], text[])`);
    await db.query(`DROP FUNCTION IF EXISTS replace_texts(text, text[], text[])`);
    await db.query(`DROP TABLE IF EXISTS erasure`);
    await db.query(`ALTER TABLE person DROP COLUMN IF EXISTS erased_at`);
  }
}
