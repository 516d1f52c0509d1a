import type { DataSource } from 'typeorm';
import type { ManualClock } from '../../src/core/clock';
import type { Helpdesk } from '../../src/core/helpdesk';
import { proposedNow, type BlindReport, type RunOutcome } from './blind-corpus';

/** Where each report's ticket is now: the incident or open proposal it is in, if any. */
export async function groupsOfTickets(dataSource: DataSource, ticketIds: ReadonlyMap<string, number>) {
  const rows: Array<{ id: number; group: string | null }> = await dataSource.query(
    `SELECT t.id, CASE WHEN t.major_incident_id IS NOT NULL THEN 'incident:' || t.major_incident_id
                       WHEN t.major_proposal_id IS NOT NULL THEN 'proposal:' || t.major_proposal_id END AS group
     FROM ticket t WHERE t.id = ANY($1)`,
    [[...ticketIds.values()]],
  );
  const groupOfTicket = new Map(rows.map((r) => [Number(r.id), r.group]));
  const groupOf = new Map<string, string>();
  for (const [reportId, ticketId] of ticketIds) {
    const group = groupOfTicket.get(ticketId);
    if (group) groupOf.set(reportId, group);
  }
  return groupOf;
}

/**
 * Opens each report through the core, as its customer, at its minute after `start` (seconds
 * apart when `spacingMs` is given, in the order given), and returns where each ended up.
 */
export async function openThroughCore(
  helpdesk: Helpdesk,
  dataSource: DataSource,
  clock: ManualClock,
  reports: readonly BlindReport[],
  start: Date,
  spacingMs?: number,
): Promise<RunOutcome> {
  const ticketIds = new Map<string, number>();
  const proposedAtCustomer = new Map<string, number | null>();
  const seen: BlindReport[] = [];
  for (const [index, report] of reports.entries()) {
    clock.set(new Date(start.getTime() + (spacingMs === undefined ? report.minute * 60_000 : index * spacingMs)));
    const ticket = await helpdesk.tickets.open(
      {
        platform: 'slack',
        userId: `U${report.customer.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`,
        displayName: report.customer,
      },
      {
        title: report.title.slice(0, 100),
        description: report.description.slice(0, 3000) || report.title,
        type: 'incident',
        location: {},
      },
    );
    ticketIds.set(report.id, ticket.id);
    seen.push(report);
    const outage = report.outage;
    if (outage !== null && !proposedAtCustomer.get(outage)) {
      const groupOf = await groupsOfTickets(dataSource, ticketIds);
      const customers = new Set(seen.filter((r) => r.outage === outage).map((r) => r.customer)).size;
      proposedAtCustomer.set(outage, proposedNow(outage, seen, groupOf) ? customers : null);
    }
  }
  return { groupOf: await groupsOfTickets(dataSource, ticketIds), proposedAtCustomer };
}
