import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an attempt of a delivery may have reached the platform (its claim ran out unsettled, or
 * it failed in a way that does not prove the platform refused it), and when it was first claimed:
 * such a delivery looks for its own message before posting, no further back than the first claim.
 * Kept on the row so that a rate-limited attempt in between, which gives its attempt back, does not
 * make the delivery forget it.
 */
export class DeliveryFirstClaim1764001800000 implements MigrationInterface {
  name = 'DeliveryFirstClaim1764001800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE delivery ADD COLUMN first_claimed_at timestamptz`);
    await db.query(`ALTER TABLE delivery ADD COLUMN may_have_been_sent boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE delivery DROP COLUMN IF EXISTS may_have_been_sent`);
    await db.query(`ALTER TABLE delivery DROP COLUMN IF EXISTS first_claimed_at`);
  }
}
