import { TOP_TIER, type Ticket, type Tier } from '../model';
import { checkClock, type SlaCheck } from '../rules/sla';
import { autoAssign } from './assignment';
import type { Tx } from './context';
import { slaSetupFor } from './sla';
import { ticketColumns, ticketFromRow } from './ticket-columns';
import { applyChange, planBatch, writeBatch, type BatchRow, type TicketChange } from './ticket-changes';

/**
 * The SLA sweep's changes to a batch of running clocks that the sweep read and locked, in its
 * transaction: each is checked with `checkClock`. The many quiet cases (a warning, or only new
 * due times) are written set-based, a batch in one statement; a breach, which reassigns, goes one
 * at a time through the same code as a person's escalation. Answers how many tickets got a
 * warning or a breach.
 */
export async function applyClockChecks(tx: Tx, rows: BatchRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const setup = await slaSetupFor(tx);
  const checks = new Map<number, SlaCheck>();
  const quiet: BatchRow[] = [];
  const breached: number[] = [];
  for (const row of rows) {
    const ticket = ticketFromRow(row);
    const check = checkClock(ticket, setup, tx.now);
    checks.set(ticket.id, check);
    if (check.breach.length > 0) breached.push(ticket.id);
    else quiet.push(row);
  }
  const plan = await planBatch(tx, quiet, tx.now, (ticket) => warning(ticket, checks.get(ticket.id)!));
  const { events } = await writeBatch(tx, plan);
  if (breached.length > 0) {
    // A breach goes through the services, which may use any field: the whole row (locked by the sweep, so unchanged since).
    const full: Array<Record<string, unknown>> = await tx.manager.query(
      `SELECT ${ticketColumns()} FROM ticket t WHERE t.id = ANY($1) ORDER BY t.id`,
      [breached],
    );
    for (const row of full) {
      const ticket = ticketFromRow(row);
      await breach(tx, ticket, checks.get(ticket.id)!);
    }
  }
  return events + breached.length;
}

/** New clock fields, and for a target past its warning share the warning's event (one per ticket: a run warning both names both). */
function warning(ticket: Ticket, check: SlaCheck): TicketChange {
  if (check.warn.length === 0) return { patch: check.patch, event: null };
  const after = { ...ticket, ...check.patch };
  const target = check.warn[0];
  const dueAt = target === 'first_response' ? after.firstResponseDueAt : after.resolutionDueAt;
  return {
    patch: check.patch,
    event: { kind: 'sla_warning', data: { targets: check.warn, target, dueAt: dueAt?.toISOString() } },
  };
}

/** A breach: marked and recorded, then escalated to the next tier (or, at the top, the admins told). */
async function breach(tx: Tx, ticket: Ticket, check: SlaCheck): Promise<void> {
  const target = check.breach[0];
  const atTop = ticket.tier >= TOP_TIER;
  await applyChange(tx, ticket, null, {
    patch: check.patch,
    event: { kind: 'sla_breached', data: { targets: check.breach, target, toAdmins: atTop || undefined } },
  });
  if (atTop) return;
  const fromTier = ticket.tier;
  const toTier = (ticket.tier + 1) as Tier;
  await applyChange(tx, ticket, null, {
    patch: { tier: toTier },
    event: { kind: 'escalated', data: { fromTier, toTier, reason: 'sla_breach' } },
  });
  await autoAssign(tx, ticket, null, 'escalate');
}
