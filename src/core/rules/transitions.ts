import { msg } from './messages';
import { ConflictError } from '../errors';
import { DAY } from '../clock';
import { TOP_TIER, type Resolution, type Ticket, type Tier } from '../model';

/**
 * The ticket's life cycle as pure functions: each takes the ticket as it is and returns the
 * fields to change, or throws a ConflictError a person can read.
 */
export type TicketPatch = Partial<
  Pick<
    Ticket,
    | 'status'
    | 'resolution'
    | 'pendingSince'
    | 'resolvedAt'
    | 'tier'
    | 'assigneeId'
    | 'lastCustomerReplyAt'
    | 'firstResponseAt'
    | 'remindersSent'
    | 'majorIncidentId'
  >
>;

export function setPending(ticket: Ticket, now: Date): TicketPatch {
  if (ticket.status === 'pending') throw new ConflictError(msg('refusals.alreadyPending', { number: ticket.number }));
  if (ticket.status === 'resolved')
    throw new ConflictError(msg('refusals.resolvedReopenFirst', { number: ticket.number }));
  // A new pending period starts a new series of reminders.
  return { status: 'pending', pendingSince: now, remindersSent: 0 };
}

export function resolve(ticket: Ticket, resolution: Resolution, now: Date): TicketPatch {
  if (ticket.status === 'resolved') throw new ConflictError(msg('refusals.alreadyResolved', { number: ticket.number }));
  return { status: 'resolved', resolution, resolvedAt: now, pendingSince: null };
}

export function reopen(ticket: Ticket): TicketPatch {
  if (ticket.status !== 'resolved')
    throw new ConflictError(msg('refusals.notResolvedReopen', { number: ticket.number }));
  // Reopened, it is the customer's own problem again: it leaves the major incident it had joined.
  return { status: 'open', resolution: null, resolvedAt: null, pendingSince: null, majorIncidentId: null };
}

/** Whether a tier above the ticket's exists to escalate it to. */
export function hasTierAbove(ticket: Pick<Ticket, 'tier'>): boolean {
  return ticket.tier < TOP_TIER;
}

export function nextTier(ticket: Ticket): Tier {
  if (ticket.status === 'resolved')
    throw new ConflictError(msg('refusals.resolvedBeforeEscalating', { number: ticket.number }));
  if (!hasTierAbove(ticket))
    throw new ConflictError(msg('refusals.topTier', { number: ticket.number, tier: TOP_TIER }));
  return (ticket.tier + 1) as Tier;
}

export function assertNotResolved(ticket: Ticket, doing: 'claim' | 'reassign'): void {
  if (ticket.status === 'resolved')
    throw new ConflictError(msg(`refusals.resolvedBefore.${doing}`, { number: ticket.number }));
}

/**
 * What a customer's message does to their ticket: nothing to the status while open; it answers a
 * pending ticket (open again); it reopens a resolved one within `reopenDays`; later it starts a
 * follow-up ticket linked to the old one.
 */
export type CustomerReplyOutcome = 'comment' | 'answer_pending' | 'reopen' | 'follow_up';

export function customerReplyOutcome(ticket: Ticket, now: Date, reopenDays: number): CustomerReplyOutcome {
  if (ticket.status === 'open') return 'comment';
  if (ticket.status === 'pending') return 'answer_pending';
  const resolvedAt = ticket.resolvedAt ?? now;
  return now.getTime() - resolvedAt.getTime() <= reopenDays * DAY ? 'reopen' : 'follow_up';
}

export function customerReplyPatch(ticket: Ticket, outcome: CustomerReplyOutcome, now: Date): TicketPatch {
  switch (outcome) {
    case 'comment':
      return { lastCustomerReplyAt: now };
    case 'answer_pending':
      return { status: 'open', pendingSince: null, lastCustomerReplyAt: now };
    case 'reopen':
      return { ...reopen(ticket), lastCustomerReplyAt: now };
    case 'follow_up':
      return {};
  }
}
