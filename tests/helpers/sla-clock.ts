import type { Ticket } from '../../src/core/model';
import type { SlaClock } from '../../src/core/rules/sla';

/** A ticket's SLA clock that has never run: for rule tests whose tickets don't care about SLAs. */
export const STOPPED_CLOCK: SlaClock = {
  slaElapsedSeconds: 0,
  slaRunningSince: null,
  firstResponseDueAt: null,
  resolutionDueAt: null,
  slaNextCheckAt: null,
  firstResponseWarnedAt: null,
  firstResponseBreachedAt: null,
  resolutionWarnedAt: null,
  resolutionBreachedAt: null,
};

/** The ticket fields of SLAs and major incidents, as a ticket that has neither has them. */
export const PLAIN_TICKET_EXTRAS: SlaClock & Pick<Ticket, 'isMajor' | 'majorIncidentId'> = {
  ...STOPPED_CLOCK,
  isMajor: false,
  majorIncidentId: null,
};
