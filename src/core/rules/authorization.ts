import { ForbiddenError, NotFoundError } from '../errors';
import { notices, refusal } from './messages';
import type { Person, Role, Ticket } from '../model';
import { roleOf } from './roles';
import type { Catalog } from '../texts';

/**
 * Every operation the helpdesk offers, and who may do it: PRODUCT.md's "People" table as data.
 * `own` means: only on a ticket whose customer is the actor.
 */
type Grant = 'no' | 'own' | 'yes';
interface Rule {
  customer: Grant;
  supporter: Grant;
  admin: Grant;
  /** Said to someone who may not, finishing "You can't do that: …" (a text of the catalog's `errors.because`). */
  because: Because;
}
type Because = keyof Catalog['errors']['because'] | '';

const STAFF_ONLY = 'staffOnly';
const ADMIN_ONLY = 'adminOnly';
const OWN_ONLY = 'ownOnly';

const staff = (because: Because = STAFF_ONLY): Rule => ({ customer: 'no', supporter: 'yes', admin: 'yes', because });
const customerOwnOrStaff = (): Rule => ({ customer: 'own', supporter: 'yes', admin: 'yes', because: OWN_ONLY });
const adminOnly = (): Rule => ({ customer: 'no', supporter: 'no', admin: 'yes', because: ADMIN_ONLY });

export const PERMISSIONS = {
  'ticket.open': { customer: 'yes', supporter: 'yes', admin: 'yes', because: '' },
  'ticket.open_on_behalf': staff('openOnBehalf'),
  'ticket.view': customerOwnOrStaff(),
  'ticket.comment': customerOwnOrStaff(),
  'ticket.transcript': customerOwnOrStaff(),
  'ticket.mark_solved': {
    customer: 'own',
    supporter: 'no',
    admin: 'no',
    because: 'markSolved',
  },
  'ticket.reopen': customerOwnOrStaff(),
  'ticket.note': staff('internalNotes'),
  'ticket.view_internal': staff('internalNotes'),
  'ticket.claim': staff(),
  'ticket.set_pending': staff(),
  'ticket.resolve': staff(),
  'ticket.change_type': staff(),
  'ticket.change_priority': staff(),
  'ticket.reassign': staff(),
  'ticket.escalate': staff(),
  'ticket.list_all': staff('listAll'),
  'comment.redact': adminOnly(),
  'ticket.redact': adminOnly(),
  'person.forget': adminOnly(),
  'person.export': adminOnly(),
  'kb.read_public': { customer: 'yes', supporter: 'yes', admin: 'yes', because: '' },
  'kb.read_staff': staff('staffArticle'),
  'kb.write': staff('writeArticles'),
  'kb.mark_special': adminOnly(),
  'staff.manage': adminOnly(),
  'staff.away_self': staff('awayFlag'),
  'staff.away_other': adminOnly(),
  'staff.link': staff('linkIdentities'),
  'settings.manage': adminOnly(),
  'sla.manage': adminOnly(),
  'catalog.manage': adminOnly(),
  'ticket.major': staff(),
  'stats.view': adminOnly(),
  'ticket.export': adminOnly(),
  'replies.manage': adminOnly(),
  'replies.use': staff(),
  'ticket.rate': { customer: 'own', supporter: 'own', admin: 'own', because: 'rate' },
  'person.language': { customer: 'yes', supporter: 'yes', admin: 'yes', because: '' },
  'help.read': { customer: 'yes', supporter: 'yes', admin: 'yes', because: '' },
  'dashboard.sign_in': { customer: 'yes', supporter: 'yes', admin: 'yes', because: '' },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export type Decision = { allowed: true } | { allowed: false; because: Because };

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
  return { allowed: false, because: grant === 'own' ? OWN_ONLY : rule.because };
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
  if (ticket && !decide(actor, 'ticket.view', ticket).allowed)
    throw new NotFoundError(refusal(notices.noTicket(ticket)));
  throw new ForbiddenError(
    refusal({ key: 'errors.refused', params: { reason: { key: `errors.because.${decision.because || STAFF_ONLY}` } } }),
  );
}
