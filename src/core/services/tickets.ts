import { msg, nameOf, PLATFORM_LABEL } from '../rules/messages';
import type { EntityManager } from 'typeorm';
import { TicketEntity } from '../../db/entities';
import { HOUR } from '../clock';
import { ConflictError } from '../errors';
import { openingRefusal, type OpeningCounts } from '../rules/limits';
import type { LocatedTicket, Person, Ticket } from '../model';
import { authorize } from '../rules/authorization';
import { isStaff } from '../rules/roles';
import * as transitions from '../rules/transitions';
import {
  changePrioritySchema,
  changeTypeSchema,
  escalateSchema,
  openTicketSchema,
  parseInput,
  reassignSchema,
  ticketRefSchema,
  type OpenTicketInput,
} from '../schemas';
import { autoAssign, setAssignee } from './assignment';
import { afterIncidentOpened, recordLeftOnReopen } from './major-incidents';
import { transaction, type ServiceContext, type Tx } from './context';
import { platformsOf, resolvePerson, type ActorRef } from './people';
import { insertTicket, lockTicket } from './ticket-store';
import { languageOf } from '../texts';
import { applyChange, recordChange, resolveInTx } from './ticket-changes';

export { resolveInTx } from './ticket-changes';

/** The ticket's life cycle: each operation checks its input, its actor, and the rule, then commits. */
export class TicketService {
  constructor(private readonly ctx: ServiceContext) {}

  /** A customer (or staff, on someone's behalf) opens a ticket; it is assigned at once if anyone can take it. */
  async open(actorRef: ActorRef, raw: OpenTicketInput): Promise<LocatedTicket> {
    const input = parseInput(openTicketSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.open');
      let customer = actor;
      if (input.onBehalfOf) {
        authorize(actor, 'ticket.open_on_behalf');
        customer = await resolvePerson(tx.manager, input.onBehalfOf);
      }
      if (!input.onBehalfOf) await assertMayOpen(tx, customer);
      // Someone seen for the first time has exactly the identity they came with.
      if (customer.isNew) tx.knownPlatforms.set(customer.id, [input.onBehalfOf?.platform ?? actorRef.platform]);
      return openInTx(tx, actor, customer, {
        title: input.title,
        description: input.description,
        type: input.type,
        impact: input.impact ?? null,
        urgency: input.urgency ?? null,
        platform: actorRef.platform,
        location: input.location,
        followUpOfId: null,
      });
    });
  }

  async setPending(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    return this.change(actorRef, raw, 'ticket.set_pending', async (tx, ticket, actor) => {
      const from = ticket.status;
      await applyChange(tx, ticket, actor.id, {
        patch: transitions.setPending(ticket, tx.now),
        event: { kind: 'status_changed', data: { from, to: 'pending' } },
      });
    });
  }

  async resolve(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    return this.change(actorRef, raw, 'ticket.resolve', (tx, ticket, actor) =>
      resolveInTx(tx, ticket, actor.id, 'resolved_by_staff'),
    );
  }

  /** The customer says it's solved. */
  async markSolved(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    return this.change(actorRef, raw, 'ticket.mark_solved', (tx, ticket, actor) =>
      resolveInTx(tx, ticket, actor.id, 'solved_by_customer'),
    );
  }

  async reopen(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    return this.change(actorRef, raw, 'ticket.reopen', async (tx, ticket, actor) => {
      const before = { ...ticket };
      await applyChange(tx, ticket, actor.id, {
        patch: transitions.reopen(ticket),
        event: { kind: 'status_changed', data: { from: 'resolved', to: 'open', reason: 'reopened' } },
      });
      await recordLeftOnReopen(tx, before, ticket, actor.id);
    });
  }

  async changeType(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    const input = parseInput(changeTypeSchema, raw);
    return this.change(actorRef, input, 'ticket.change_type', async (tx, ticket, actor) => {
      if (ticket.type === input.type)
        throw new ConflictError(msg(`refusals.alreadyType.${input.type}`, { number: ticket.number }));
      const from = ticket.type;
      await applyChange(tx, ticket, actor.id, {
        patch: { type: input.type },
        event: { kind: 'type_changed', data: { from, to: input.type } },
      });
    });
  }

  async changePriority(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    const input = parseInput(changePrioritySchema, raw);
    return this.change(actorRef, input, 'ticket.change_priority', async (tx, ticket, actor) => {
      if (ticket.priority === input.priority)
        throw new ConflictError(msg('refusals.alreadyPriority', { number: ticket.number, priority: input.priority }));
      const from = ticket.priority;
      await applyChange(tx, ticket, actor.id, {
        patch: { priority: input.priority },
        event: { kind: 'priority_changed', data: { from, to: input.priority, override: true } },
      });
    });
  }

  /** A staff member takes the ticket for themselves. */
  async claim(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    return this.change(actorRef, raw, 'ticket.claim', async (tx, ticket, actor) => {
      transitions.assertNotResolved(ticket, 'claim');
      if (ticket.assigneeId === actor.id)
        throw new ConflictError(msg('refusals.alreadyYours', { number: ticket.number }));
      await setAssignee(tx, ticket, actor.id, actor.id, 'claim');
    });
  }

  async reassign(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    const input = parseInput(reassignSchema, raw);
    return this.change(actorRef, input, 'ticket.reassign', async (tx, ticket, actor) => {
      transitions.assertNotResolved(ticket, 'reassign');
      const target = await resolvePerson(tx.manager, input.to);
      await assertCanTake(tx, ticket, target);
      if (ticket.assigneeId === target.id)
        throw new ConflictError(
          msg('refusals.alreadyAssigned', { number: ticket.number, name: target.displayName || msg('refusals.them') }),
        );
      await setAssignee(tx, ticket, target.id, actor.id, 'reassign');
    });
  }

  /** To the next tier: a named supporter of it, or its least-loaded supporter (or its queue). */
  async escalate(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    const input = parseInput(escalateSchema, raw);
    return this.change(actorRef, input, 'ticket.escalate', async (tx, ticket, actor) => {
      const toTier = transitions.nextTier(ticket);
      const target = input.to ? await resolvePerson(tx.manager, input.to) : null;
      if (target) {
        if (target.tier !== toTier) {
          throw new ConflictError(
            msg('refusals.notTierSupporter', { name: nameOf(target), tier: toTier, number: ticket.number }),
          );
        }
        await assertCanTake(tx, ticket, target);
      }
      const fromTier = ticket.tier;
      await applyChange(tx, ticket, actor.id, {
        patch: { tier: toTier },
        event: { kind: 'escalated', data: { fromTier, toTier } },
      });
      if (target) await setAssignee(tx, ticket, target.id, actor.id, 'escalate');
      else await autoAssign(tx, ticket, actor.id, 'escalate');
    });
  }

  /** Load, lock, authorise, change, record: the shape of every change to an existing ticket. */
  private async change(
    actorRef: ActorRef,
    raw: unknown,
    action: Parameters<typeof authorize>[1],
    apply: (tx: Tx, ticket: TicketEntity, actor: Person) => Promise<void>,
  ): Promise<TicketEntity> {
    const { ticketNumber } = parseInput(ticketRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const ticket = await lockTicket(tx, ticketNumber);
      authorize(actor, action, ticket);
      await apply(tx, ticket, actor);
      return ticket;
    });
  }
}

export interface OpenFields {
  title: string;
  description: string;
  type: Ticket['type'];
  impact: Ticket['impact'];
  urgency: Ticket['urgency'];
  platform: Ticket['platform'];
  location: Record<string, string>;
  followUpOfId: number | null;
  serviceId?: number | null;
  tier?: Ticket['tier'];
}

/**
 * A customer opening a ticket for themselves stays within the opening limits (rules/limits.ts).
 * Their person row is locked first, so openings racing each other are counted one after another.
 */
export async function assertMayOpen(tx: Tx, customer: Person): Promise<void> {
  await tx.manager.query(`SELECT id FROM person WHERE id = $1 FOR UPDATE`, [customer.id]);
  const refusal = openingRefusal(
    await openingCounts(tx.manager, customer.id, tx.now),
    tx.ctx.policy,
    languageOf(customer, tx.ctx.policy.language),
  );
  if (refusal) throw new ConflictError(refusal);
}

/** What the opening limits count for one customer at `now`. */
export async function openingCounts(manager: EntityManager, customerId: number, now: Date): Promise<OpeningCounts> {
  const [counts] = await manager.query(
    `SELECT count(*) FILTER (WHERE status <> 'resolved')::int AS unresolved,
            count(*) FILTER (WHERE opened_by_id = $1 AND created_at > $2)::int AS "openedLastHour"
     FROM ticket WHERE customer_id = $1 AND NOT is_major`,
    [customerId, new Date(now.getTime() - HOUR)],
  );
  return counts;
}

/** Opens a ticket inside a transaction (also used for follow-ups) and assigns it. */
export async function openInTx(tx: Tx, actor: Person, customer: Person, fields: OpenFields): Promise<TicketEntity> {
  const ticket = await insertTicket(tx, { ...fields, customerId: customer.id, openedById: actor.id });
  await recordChange(tx, ticket, actor.id, {
    kind: 'opened',
    data: {
      onBehalfOf: customer.id !== actor.id ? customer.id : undefined,
      followUpOfId: fields.followUpOfId ?? undefined,
    },
  });
  // Look-alikes first: assignment locks the tier's supporters until commit, and every opening
  // waits for that lock, so nothing that can run before it runs after it.
  if (ticket.type === 'incident') await afterIncidentOpened(tx, ticket, actor.id);
  await autoAssign(tx, ticket, actor.id, 'auto');
  return ticket;
}

/** A ticket goes only to staff who are on its platform (PRODUCT.md: "One helpdesk, two platforms"). */
async function assertCanTake(tx: Tx, ticket: Ticket, target: Person): Promise<void> {
  if (!isStaff(target)) throw new ConflictError(msg('refusals.notSupportStaff', { name: nameOf(target) }));
  const platforms = (await platformsOf(tx.manager, [target.id])).get(target.id) ?? [];
  if (!platforms.includes(ticket.platform)) {
    throw new ConflictError(
      msg('refusals.noIdentity', { name: nameOf(target), platform: PLATFORM_LABEL[ticket.platform] }),
    );
  }
}
