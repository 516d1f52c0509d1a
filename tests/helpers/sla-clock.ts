import type { Ticket } from '../../src/core/model';
import { UNSTARTED_CLOCK, type SlaClock } from '../../src/core/rules/sla';

/** The ticket fields of SLAs and major incidents, as a ticket that has neither has them. */
export const PLAIN_TICKET_EXTRAS: SlaClock &
  Pick<Ticket, 'isMajor' | 'majorIncidentId' | 'majorProposalId' | 'lookAlikeDismissedAt'> = {
  ...UNSTARTED_CLOCK,
  isMajor: false,
  majorIncidentId: null,
  majorProposalId: null,
  lookAlikeDismissedAt: null,
};
