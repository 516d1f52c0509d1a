import type { EntityManager } from 'typeorm';
import type { Platform } from '../model';
import type { TicketLocation } from '../location';
import type { Tx } from './context';

/**
 * The writes to tickets that are no change a person sees, so they record no event, stamp no
 * updated_at and move no clock: where the platforms keep a ticket (its location), which
 * major-incident proposal lists it, the SLA sweep asked to look again, the person a merged
 * duplicate's tickets point at. Set-based or atomic in SQL (a sender merging its platform ids
 * must not overwrite another's), which is why they are not `applyChange` patches. Every other
 * write to a ticket is in ticket-changes.ts (and the opening's insert in ticket-store.ts).
 */

/** Merges platform ids into the ticket's location (e.g. { discordThreadId }), as the platform answered. */
export async function mergeLocation(manager: EntityManager, ticketId: number, patch: TicketLocation): Promise<void> {
  await manager.query(`UPDATE ticket SET location = location || $2::jsonb WHERE id = $1`, [
    ticketId,
    JSON.stringify(patch),
  ]);
}

/** Every ticket whose Discord thread listed the user as a member forgets them (an erasure). */
export async function forgetThreadMember(manager: EntityManager, discordUserId: string): Promise<void> {
  await manager.query(
    `UPDATE ticket SET location = jsonb_set(location, '{discordThreadMembers}',
       to_jsonb(array_to_string(array_remove(string_to_array(location->>'discordThreadMembers', ','), $1), ',')))
     WHERE location ? 'discordThreadMembers' AND strpos(location->>'discordThreadMembers', $1) > 0`,
    [discordUserId],
  );
}

/** Lists the reports not yet in any proposal in this one; answers the platforms of those it listed. */
export async function joinProposal(tx: Tx, proposalId: number, ticketIds: number[]): Promise<Platform[]> {
  // TypeORM answers an UPDATE … RETURNING with [rows, count].
  const [rows]: [Array<{ platform: Platform }>, number] = await tx.manager.query(
    `UPDATE ticket SET major_proposal_id = $1 WHERE id = ANY($2) AND major_proposal_id IS NULL RETURNING platform`,
    [proposalId, ticketIds],
  );
  return rows.map((row) => row.platform);
}

/** A proposal decided: its reports leave it; dismissed, they are not proposed together again. */
export async function leaveProposal(tx: Tx, proposalId: number, how: { dismissed: boolean }): Promise<void> {
  if (!how.dismissed) {
    await tx.manager.query(`UPDATE ticket SET major_proposal_id = NULL WHERE major_proposal_id = $1`, [proposalId]);
    return;
  }
  await tx.manager.query(
    `UPDATE ticket SET major_proposal_id = NULL, look_alike_dismissed_at = coalesce(look_alike_dismissed_at, $2)
     WHERE major_proposal_id = $1`,
    [proposalId, tx.now],
  );
}

/** The SLA policy changed: every running clock is due for the sweep's look now, which brings it up to the new targets. */
export async function recheckRunningClocks(tx: Tx): Promise<void> {
  await tx.manager.query(
    `UPDATE ticket SET sla_next_check_at = $1 WHERE status = 'open' AND sla_running_since IS NOT NULL`,
    [tx.now],
  );
}

/** A duplicate person merged into another: their tickets and the history's actors point at the one kept. */
export async function movePersonReferences(manager: EntityManager, fromId: number, intoId: number): Promise<void> {
  for (const column of ['customer_id', 'opened_by_id', 'assignee_id']) {
    await manager.query(`UPDATE ticket SET ${column} = $2 WHERE ${column} = $1`, [fromId, intoId]);
  }
  await manager.query(`UPDATE ticket_event SET actor_id = $2 WHERE actor_id = $1`, [fromId, intoId]);
}
