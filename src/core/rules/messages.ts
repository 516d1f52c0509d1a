import type { Platform, Priority, Resolution, Ticket, TicketType } from '../model';

/** What the helpdesk says, in one place, so Discord and Slack say the same. */
export const ticketLabel = (t: Pick<Ticket, 'number'>) => `#${t.number}`;

export const TYPE_LABEL: Record<TicketType, string> = { incident: 'Incident', request: 'Request' };

export const RESOLUTION_LABEL: Record<Resolution, string> = {
  resolved_by_staff: 'resolved by support',
  solved_by_customer: 'marked solved by you',
  closed_automatically: 'closed automatically after waiting for your answer',
  closed_with_major_incident: 'closed together with a major incident',
};

export const PRIORITY_LABEL: Record<Priority, string> = {
  P1: 'P1 critical',
  P2: 'P2 high',
  P3: 'P3 normal',
  P4: 'P4 low',
};

export const PLATFORM_LABEL: Record<Platform, string> = { discord: 'Discord', slack: 'Slack' };

export const messages = {
  closedByErasure: (t: Pick<Ticket, 'number'>) =>
    `Ticket ${ticketLabel(t)} was resolved because an admin erased its customer's data: nothing they wrote is kept, and there is no one left to answer.`,
  opened: (t: Pick<Ticket, 'number' | 'title'>) =>
    `Your ticket ${ticketLabel(t)} "${t.title}" is open. Support will answer here; reply here to add anything.`,
  pending: (t: Pick<Ticket, 'number'>) =>
    `Support is waiting for your answer on ${ticketLabel(t)}. Reply here to continue.`,
  resolved: (t: Pick<Ticket, 'number'>, resolution: Resolution, reopenDays: number) =>
    `Your ticket ${ticketLabel(t)} was ${RESOLUTION_LABEL[resolution]}. ` +
    `If it is not fixed, reply here or press Reopen within ${reopenDays} days.`,
  reminder: (t: Pick<Ticket, 'number'>, closesAt: Date) =>
    `Reminder: support is still waiting for your answer on ${ticketLabel(t)}. ` +
    `Without a reply it closes automatically on ${closesAt.toISOString().slice(0, 10)}. Reply here to keep it open.`,
  reopened: (t: Pick<Ticket, 'number'>) => `Ticket ${ticketLabel(t)} is open again.`,
  assignedToYou: (t: Pick<Ticket, 'number' | 'title'>) => `Ticket ${ticketLabel(t)} "${t.title}" was assigned to you.`,
  escalatedToYou: (t: Pick<Ticket, 'number' | 'title' | 'tier'>) =>
    `Ticket ${ticketLabel(t)} "${t.title}" was escalated to tier ${t.tier} and assigned to you.`,
  customerAnswered: (t: Pick<Ticket, 'number' | 'title'>) =>
    `The customer answered on ticket ${ticketLabel(t)} "${t.title}".`,
  waitingForSupporter: (t: Pick<Ticket, 'number' | 'title' | 'tier'>) =>
    `Ticket ${ticketLabel(t)} "${t.title}" is waiting: no tier-${t.tier} supporter is available. Claim it or add a supporter.`,
  slaWarning: (t: Pick<Ticket, 'number' | 'title'>, target: 'first_response' | 'resolution', dueAt: Date) =>
    `SLA warning: ticket ${ticketLabel(t)} "${t.title}" is due for its ${target === 'first_response' ? 'first response' : 'resolution'} at ${dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  slaBreached: (t: Pick<Ticket, 'number' | 'title' | 'tier' | 'priority'>, target: 'first_response' | 'resolution') =>
    `SLA breached: ticket ${ticketLabel(t)} "${t.title}" (${t.priority}, tier ${t.tier}) missed its ${target === 'first_response' ? 'first-response' : 'resolution'} target.`,
  rated: (t: Pick<Ticket, 'number'>, score: number) => `Thank you! You rated ${ticketLabel(t)} ${score}/5.`,
  majorProposed: (numbers: number[]) =>
    `Possible major incident: ${numbers.map((n) => `#${n}`).join(', ')} look alike. Declare a major incident to handle them together, or say they are not related.`,
  majorDeclared: (parent: Pick<Ticket, 'number' | 'title'>, numbers: number[]) =>
    `Major incident ${ticketLabel(parent)} "${parent.title}" declared; joined: ${numbers.map((n) => `#${n}`).join(', ')}. Work on it in ${ticketLabel(parent)}; resolving it closes them all.`,
  majorResolved: (parent: Pick<Ticket, 'number' | 'title'>) =>
    `Major incident ${ticketLabel(parent)} "${parent.title}" is resolved; its tickets were closed with it.`,
  knownProblem: (t: Pick<Ticket, 'number'>, parentNumber?: number) =>
    `This is a known problem that affects others too${parentNumber ? ` (major incident #${parentNumber})` : ''}, and support is working on it. We will tell you here when ${ticketLabel(t)} is fixed.`,
  followUpOpened: (old: Pick<Ticket, 'number'>, next: Pick<Ticket, 'number'>) =>
    `${ticketLabel(old)} was closed too long ago to reopen, so your message opened a new ticket ${ticketLabel(next)}.`,
  /** Said alike for a ticket that does not exist and one the reader may not see. */
  noTicket: (t: Pick<Ticket, 'number'>) => `There is no ticket ${ticketLabel(t)} that you can see.`,
  linkConfirm: (redeemer: string, platform: Platform) =>
    `${redeemer} on ${PLATFORM_LABEL[platform]} used your link code to join that identity to you. Only confirm if that is you: the two become one person, with your role.`,
  linkConfirmed: (platform: Platform) =>
    `Linked: this identity and your ${PLATFORM_LABEL[platform]} one are now one person.`,
  linkRefused: () => 'Your link request was refused. Run /helpdesk link on the other platform for a new code.',
  /** One answer for every code that can't be used, so a guess learns nothing about which codes exist. */
  linkCodeUnusable: 'That link code cannot be used. Run /helpdesk link on the other platform for a new one.',
  linkTooManyAttempts: (perHour: number) => `Too many link attempts: at most ${perHour} an hour. Try again later.`,
};
