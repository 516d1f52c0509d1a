import { ForbiddenError, NotFoundError } from '../errors';
import { messages } from './messages';
import type { Person, Role, Ticket } from '../model';
import { roleOf } from './roles';

/**
 * Every operation the helpdesk offers, and who may do it: PRODUCT.md's "People" table as data.
 * `own` means: only on a ticket whose customer is the actor.
 */
type Grant = 'no' | 'own' | 'yes';
interface Rule {
  customer: Grant;
  supporter: Grant;
  admin: Grant;
  /** Said to someone who may not, finishing "You can't … because …". */
  because: string;
}

const STAFF_ONLY = 'only support staff can do that';
const ADMIN_ONLY = 'only a helpdesk admin can do that';
const OWN_ONLY = 'you can only act on your own tickets';

const staff = (because = STAFF_ONLY): Rule => ({ customer: 'no', supporter: 'yes', admin: 'yes', because });
const customerOwnOrStaff = (): Rule => ({ customer: 'own', supporter: 'yes', admin: 'yes', because: OWN_ONLY });
const adminOnly = (): Rule => ({ customer: 'no', supporter: 'no', admin: 'yes', because: ADMIN_ONLY });

export const PERMISSIONS = {
  'ticket.open': { customer: 'yes', supporter: 'yes', admin: 'yes', because: '' },
  'ticket.open_on_behalf': staff('only staff can open a ticket for someone else'),
  'ticket.view': customerOwnOrStaff(),
  'ticket.comment': customerOwnOrStaff(),
  'ticket.transcript': customerOwnOrStaff(),
  'ticket.mark_solved': {
    customer: 'own',
    supporter: 'no',
    admin: 'no',
    because: "only the ticket's customer marks it solved; staff resolve it",
  },
  'ticket.reopen': customerOwnOrStaff(),
  'ticket.note': staff('internal notes are for staff only'),
  'ticket.view_internal': staff('internal notes are for staff only'),
  'ticket.claim': staff(),
  'ticket.set_pending': staff(),
  'ticket.resolve': staff(),
  'ticket.change_type': staff(),
  'ticket.change_priority': staff(),
  'ticket.reassign': staff(),
  'ticket.escalate': staff(),
  'ticket.list_all': staff('only staff can see every ticket'),
  'comment.redact': adminOnly(),
  'ticket.redact': adminOnly(),
  'person.forget': adminOnly(),
  'person.export': adminOnly(),
  'kb.read_public': { customer: 'yes', supporter: 'yes', admin: 'yes', because: '' },
  'kb.read_staff': staff('that article is for staff only'),
  'kb.write': staff('only staff can write knowledge-base articles'),
  'kb.mark_special': adminOnly(),
  'staff.manage': adminOnly(),
  'staff.away_self': staff('only staff have an away flag'),
  'staff.away_other': adminOnly(),
  'staff.link': staff('only staff link identities across platforms'),
  'settings.manage': adminOnly(),
  'sla.manage': adminOnly(),
  'catalog.manage': adminOnly(),
  'ticket.major': staff(),
  'stats.view': adminOnly(),
  'replies.manage': adminOnly(),
  'replies.use': staff('saved replies are for staff'),
  'ticket.rate': { customer: 'own', supporter: 'own', admin: 'own', because: "only the ticket's customer rates it" },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export type Decision = { allowed: true } | { allowed: false; reason: string };

/** The one place that decides whether a person may do an action (on a ticket, for `own` grants). */
export function decide(
  actor: Pick<Person, 'id' | 'tier' | 'isAdmin'>,
  action: Action,
  ticket?: Pick<Ticket, 'customerId'>,
): Decision {
  const rule: Rule = PERMISSIONS[action];
  const grant = rule[roleOf(actor) as Role];
  if (grant === 'yes') return { allowed: true };
  if (grant === 'own' && ticket && ticket.customerId === actor.id) return { allowed: true };
  return { allowed: false, reason: grant === 'own' ? OWN_ONLY : rule.because };
}

/**
 * Throws when the actor may not. About a ticket the actor may not even see, the refusal is the one
 * a missing ticket gets: a customer learns nothing of other people's tickets, not even that they exist.
 */
export function authorize(
  actor: Pick<Person, 'id' | 'tier' | 'isAdmin'>,
  action: Action,
  ticket?: Pick<Ticket, 'customerId' | 'number'>,
): void {
  const decision = decide(actor, action, ticket);
  if (decision.allowed) return;
  if (ticket && !decide(actor, 'ticket.view', ticket).allowed) throw new NotFoundError(messages.noTicket(ticket));
  throw new ForbiddenError(`You can't do that: ${decision.reason}.`);
}
