import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What look-alike detection weighs words with, and a report's place in at most one proposal:
 * - `ticket_term`: per month, how many incident reports hold each term (a digest of a word's stem, see
 *   core/services/term-weights.ts; `service:<id>` for a catalog service), with the month's reports
 *   under the term ''. Written as each incident is opened, so every instance reads the same
 *   counts. It starts empty: until some 200 reports are counted, a built-in list of how common
 *   words are in helpdesk language weighs more than these counts;
 * - `ticket.major_proposal_id`: the open proposal a report is listed in (one at most), in place
 *   of the proposal's own list of ids, through which proposals used to merge;
 * - `major_proposal.location`: where each platform's alert about it is, so it can be edited.
 */
export class LookAlikeTerms1764000900000 implements MigrationInterface {
  name = 'LookAlikeTerms1764000900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ticket_term (
        month   date NOT NULL,
        term    text NOT NULL,
        tickets integer NOT NULL,
        PRIMARY KEY (month, term)
      )`);

    await db.query(`ALTER TABLE ticket ADD COLUMN major_proposal_id integer REFERENCES major_proposal(id)`);
    await db.query(
      `CREATE INDEX ticket_major_proposal_idx ON ticket (major_proposal_id) WHERE major_proposal_id IS NOT NULL`,
    );
    // An open proposal keeps its tickets; of two open proposals listing one ticket, the older keeps it.
    await db.query(`
      UPDATE ticket t SET major_proposal_id = p.id
      FROM (SELECT DISTINCT ON (x) x AS ticket_id, id FROM major_proposal, unnest(ticket_ids) x
            WHERE status = 'open' ORDER BY x, id) p
      WHERE t.id = p.ticket_id`);
    await db.query(`ALTER TABLE major_proposal DROP COLUMN ticket_ids`);
    await db.query(`ALTER TABLE major_proposal ADD COLUMN location jsonb NOT NULL DEFAULT '{}'::jsonb`);
    // The platforms its reports are on: its alert goes to each, and stays there as reports leave.
    await db.query(`ALTER TABLE major_proposal ADD COLUMN platforms text[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE major_proposal DROP COLUMN platforms, DROP COLUMN location`);
    await db.query(`ALTER TABLE major_proposal ADD COLUMN ticket_ids integer[] NOT NULL DEFAULT '{}'`);
    await db.query(
      `UPDATE major_proposal p SET ticket_ids = coalesce((SELECT array_agg(id ORDER BY id) FROM ticket WHERE major_proposal_id = p.id), '{}')`,
    );
    await db.query(`DROP INDEX IF EXISTS ticket_major_proposal_idx`);
    await db.query(`ALTER TABLE ticket DROP COLUMN major_proposal_id`);
    await db.query(`DROP TABLE IF EXISTS ticket_term`);
  }
}
