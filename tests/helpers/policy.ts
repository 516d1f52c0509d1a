import { defaultPolicy, type HelpdeskPolicy } from '../../src/config';

/**
 * The policy tests run the helpdesk with: the defaults, except the limits on opening tickets.
 * Tests open many tickets as one customer within minutes of a manual clock; the limits have tests
 * of their own (tests/db/security.test.ts), which ask for the defaults.
 */
export const TEST_POLICY: HelpdeskPolicy = {
  ...defaultPolicy,
  maxOpenTickets: Number.MAX_SAFE_INTEGER,
  ticketsPerHour: Number.MAX_SAFE_INTEGER,
};

/** The default limits on opening tickets, for the tests that prove them. */
export const DEFAULT_LIMITS = {
  maxOpenTickets: defaultPolicy.maxOpenTickets,
  ticketsPerHour: defaultPolicy.ticketsPerHour,
};
