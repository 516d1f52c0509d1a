import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a delivery was first claimed: a sender that may have sent it before (its claim ran out, or
 * an earlier attempt failed after reaching the platform) looks for its own message no further back
 * than this, so the look-up stays one page.
 */
export class DeliveryFirstClaim1764001800000 implements MigrationInterface {
  name = 'DeliveryFirstClaim1764001800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE delivery ADD COLUMN first_claimed_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE delivery DROP COLUMN IF EXISTS first_claimed_at`);
  }
}
