import { randomInt } from 'node:crypto';
import type { IdentityRef } from '../model';
import { IdentityEntity, LinkCodeEntity, PersonEntity, TicketEntity } from '../../db/entities';
import { HOUR, MINUTE } from '../clock';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Person, Platform, Tier } from '../model';
import { notices, refusal, type Message, msg, nameOf } from '../rules/messages';
import { personDestination, said } from '../rules/notifications';
import { writeDeliveries } from './history';
import { chooseAssignee, escalationCandidates } from '../rules/assignment';
import { authorize } from '../rules/authorization';
import { isStaff, roleOf } from '../rules/roles';
import {
  awaySchema,
  linkAnswerSchema,
  linkSchema,
  parseInput,
  staffAddSchema,
  staffRemoveSchema,
  ticketRefSchema,
} from '../schemas';
import { nextTier } from '../rules/transitions';
import { findTicket } from './ticket-store';
import { movePersonReferences } from './ticket-bookkeeping';
import { assignWaitingTickets, lockCandidates, setAssignee } from './assignment';
import { transaction, type ServiceContext, type Tx } from './context';
import { findPerson, resolvePerson, toPerson, type ActorRef } from './people';

const LINK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I to misread
/** Redemption attempts a person may make in an hour, right or wrong. */
export const LINK_ATTEMPTS_PER_HOUR = 5;

export interface StaffMember extends Person {
  identities: IdentityRef[];
  load: number;
}

/** Staff, tiers, availability, and one person across platforms. */
export class StaffService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The first admins come from HELPDESK_ADMINS; they stay admins until an admin removes them. */
  async bootstrapAdmins(refs: IdentityRef[]): Promise<void> {
    if (refs.length === 0) return;
    await transaction(this.ctx, async (tx) => {
      for (const ref of refs) {
        const person = await resolvePerson(tx.manager, ref);
        if (!person.isAdmin) await tx.manager.update(PersonEntity, person.id, { isAdmin: true });
      }
    });
  }

  /** Makes someone a tier-1/2/3 supporter or an admin; a new supporter takes waiting tickets at once. */
  async add(actorRef: ActorRef, raw: unknown): Promise<Person> {
    const input = parseInput(staffAddSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'staff.manage');
      const person = await resolvePerson(tx.manager, input.person);
      const patch = input.role === 'admin' ? { isAdmin: true } : { tier: Number(input.role) as Tier };
      await tx.manager.update(PersonEntity, person.id, patch);
      if (patch.tier !== undefined && person.tier !== patch.tier)
        await this.reassignAfterTierChange(tx, person, actor.id);
      await assignWaitingTickets(tx, actor.id);
      return { ...person, ...patch };
    });
  }

  /** No longer staff: their unresolved tickets go to others by the assignment rule. */
  async remove(actorRef: ActorRef, raw: unknown): Promise<Person> {
    const input = parseInput(staffRemoveSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'staff.manage');
      const person = await resolvePerson(tx.manager, input.person);
      if (!isStaff(person)) throw new ConflictError(msg('refusals.notStaff', { name: nameOf(person) }));
      if (person.isAdmin) {
        const [{ admins }] = await tx.manager.query(
          `SELECT count(*)::int AS admins FROM person WHERE is_admin AND merged_into_id IS NULL`,
        );
        if (admins <= 1) throw new ConflictError(msg('refusals.lastAdmin'));
      }
      await tx.manager.update(PersonEntity, person.id, { tier: null, isAdmin: false });
      await this.reassignTicketsOf(tx, person.id, actor.id);
      return { ...person, tier: null, isAdmin: false };
    });
  }

  /** Staff set themselves away (or back); admins may set anyone. Back from away takes waiting tickets. */
  async setAway(actorRef: ActorRef, raw: unknown): Promise<Person> {
    const input = parseInput(awaySchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const target = input.person ? await resolvePerson(tx.manager, input.person) : actor;
      authorize(actor, target.id === actor.id ? 'staff.away_self' : 'staff.away_other');
      if (!isStaff(target)) throw new ConflictError(msg('refusals.notStaff', { name: nameOf(target) }));
      await tx.manager.update(PersonEntity, target.id, { away: input.away });
      if (!input.away) await assignWaitingTickets(tx, actor.id);
      return { ...target, away: input.away };
    });
  }

  /**
   * `/helpdesk link` without a code gives a one-time code. With a code, on the other platform, it
   * asks the identity that took the code to confirm (a private prompt naming the redeemer): the
   * two are joined only by that confirmation (confirmLink). A code that can't be used is refused
   * in the same words whatever the reason, and each person has a few attempts an hour.
   */
  async link(
    actorRef: ActorRef,
    raw: unknown,
  ): Promise<{ code: string; expiresAt: Date } | { awaitingConfirmation: Platform }> {
    const input = parseInput(linkSchema, raw);
    if (input.code) return this.redeem(actorRef, input.code);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'staff.link');
      const code = Array.from({ length: 8 }, () => LINK_ALPHABET[randomInt(LINK_ALPHABET.length)]).join('');
      const expiresAt = new Date(tx.now.getTime() + this.ctx.policy.linkCodeMinutes * MINUTE);
      await tx.manager.insert(LinkCodeEntity, {
        code,
        personId: actor.id,
        platform: actorRef.platform,
        expiresAt,
        usedAt: null,
        redeemerId: null,
        redeemerPlatform: null,
      });
      return { code, expiresAt };
    });
  }

  private async redeem(actorRef: ActorRef, code: string): Promise<{ awaitingConfirmation: Platform }> {
    // The attempt is counted in a transaction of its own, so a refusal below does not take it back.
    const counted = await transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      // One attempt at a time per person, so concurrent guesses cannot all squeeze under the limit.
      await tx.manager.query(`SELECT id FROM person WHERE id = $1 FOR UPDATE`, [actor.id]);
      const hourAgo = new Date(tx.now.getTime() - HOUR);
      const [{ attempts }] = await tx.manager.query(
        `SELECT count(*)::int AS attempts FROM link_attempt WHERE person_id = $1 AND at > $2`,
        [actor.id, hourAgo],
      );
      if (attempts >= LINK_ATTEMPTS_PER_HOUR) return false;
      await tx.manager.query(`DELETE FROM link_attempt WHERE person_id = $1 AND at <= $2`, [actor.id, hourAgo]);
      await tx.manager.query(`INSERT INTO link_attempt (person_id, at) VALUES ($1, $2)`, [actor.id, tx.now]);
      return true;
    });
    if (!counted) throw new ForbiddenError(refusal(notices.linkTooManyAttempts(LINK_ATTEMPTS_PER_HOUR)));
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const link = await tx.manager.findOne(LinkCodeEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      const usable =
        link &&
        !link.usedAt &&
        link.redeemerId === null &&
        link.expiresAt > tx.now &&
        link.platform !== actorRef.platform &&
        link.personId !== actor.id;
      if (!usable) throw new NotFoundError(refusal(notices.linkCodeUnusable()));
      await tx.manager.update(LinkCodeEntity, link.code, {
        redeemerId: actor.id,
        redeemerPlatform: actorRef.platform,
      });
      await directMessage(tx, link.personId, link.platform, {
        ...said(notices.linkConfirm(actor.displayName || actorRef.userId, actorRef.platform)),
        linkCode: link.code,
      });
      return { awaitingConfirmation: link.platform };
    });
  }

  /**
   * The code's owner answers the prompt: Confirm joins the redeemer's identity to them, Refuse
   * spends the code. Only the identity that asked for the code may answer; to anyone else the code
   * does not exist. The redeemer hears the outcome.
   */
  async confirmLink(actorRef: ActorRef, raw: unknown): Promise<{ linked: Person } | { refused: true }> {
    const input = parseInput(linkAnswerSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const link = await tx.manager.findOne(LinkCodeEntity, {
        where: { code: input.code },
        lock: { mode: 'pessimistic_write' },
      });
      if (
        !link ||
        link.personId !== actor.id ||
        link.platform !== actorRef.platform ||
        link.usedAt ||
        link.redeemerId === null ||
        link.expiresAt <= tx.now
      )
        throw new NotFoundError(refusal(notices.linkCodeUnusable()));
      await tx.manager.update(LinkCodeEntity, link.code, { usedAt: tx.now });
      const redeemerPlatform = link.redeemerPlatform ?? (link.platform === 'discord' ? 'slack' : 'discord');
      if (!input.confirm) {
        await directMessage(tx, link.redeemerId, redeemerPlatform, said(notices.linkRefused()));
        return { refused: true as const };
      }
      // Still staff when confirming: a code outlives no demotion.
      authorize(actor, 'staff.link');
      await mergePerson(tx, link.redeemerId, link.personId);
      await directMessage(tx, link.personId, redeemerPlatform, said(notices.linkConfirmed(link.platform)));
      const merged = await tx.manager.findOneByOrFail(PersonEntity, { id: link.personId });
      return { linked: toPerson(merged) };
    });
  }

  async list(actorRef: ActorRef): Promise<StaffMember[]> {
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.list_all');
      return staffOf(tx);
    });
  }

  /**
   * What escalating a ticket offers on a platform: the tier it goes to and who of that tier can
   * take it there. Staff only; a resolved ticket or one at the top tier is refused, as escalating is.
   */
  async escalationChoice(
    actorRef: ActorRef,
    raw: unknown,
  ): Promise<{ ticketNumber: number; toTier: Tier; candidates: StaffMember[] }> {
    const { ticketNumber } = parseInput(ticketRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.list_all');
      const ticket = await findTicket(tx, ticketNumber);
      authorize(actor, 'ticket.escalate', ticket);
      const toTier = nextTier(ticket);
      return {
        ticketNumber: ticket.number,
        toTier,
        candidates: escalationCandidates(await staffOf(tx), toTier, actorRef.platform),
      };
    });
  }

  /**
   * What this person may do, without recording them: asking (before a form opens, for the help
   * text) is not a first contact worth keeping, and a refusal must leave nothing behind.
   */
  async roleOf(actorRef: ActorRef): Promise<ReturnType<typeof roleOf>> {
    const person = await findPerson(this.ctx.dataSource.manager, actorRef);
    return person ? roleOf(person) : 'customer';
  }

  async whoAmI(actorRef: ActorRef): Promise<Person & { role: ReturnType<typeof roleOf> }> {
    return transaction(this.ctx, async (tx) => {
      const person = await resolvePerson(tx.manager, actorRef);
      return { ...person, role: roleOf(person) };
    });
  }

  /** A supporter moved to another tier keeps no ticket of their old tier. */
  private async reassignAfterTierChange(tx: Tx, person: Person, actorId: number): Promise<void> {
    if (person.tier !== null) await this.reassignTicketsOf(tx, person.id, actorId);
  }

  private async reassignTicketsOf(tx: Tx, personId: number, actorId: number): Promise<void> {
    await reassignTicketsOf(tx, personId, actorId);
  }
}

/** Moves everything of `fromId` to `intoId`: identities, tickets, comments; `fromId` is kept, marked merged. */
async function mergePerson(tx: Tx, fromId: number, intoId: number): Promise<void> {
  const m = tx.manager;
  await m.query(`UPDATE identity SET person_id = $2 WHERE person_id = $1`, [fromId, intoId]);
  await movePersonReferences(m, fromId, intoId);
  await m.query(`UPDATE comment SET author_id = $2 WHERE author_id = $1`, [fromId, intoId]);
  await m.query(
    `UPDATE person AS into_p SET tier = COALESCE(into_p.tier, from_p.tier), is_admin = into_p.is_admin OR from_p.is_admin
     FROM person AS from_p WHERE into_p.id = $2 AND from_p.id = $1`,
    [fromId, intoId],
  );
  await m.query(`UPDATE person SET merged_into_id = $2, tier = NULL, is_admin = false WHERE id = $1`, [fromId, intoId]);
}

/** A private message to a person on one platform, outside any ticket; `linkCode` adds Confirm and Refuse. */
async function directMessage(
  tx: Tx,
  personId: number,
  platform: Platform,
  payload: { text: string; message: Message; linkCode?: string },
): Promise<void> {
  await writeDeliveries(tx, [{ platform, destination: personDestination(personId), kind: 'person.dm', payload }]);
}

/** A supporter no longer takes tickets (removed, re-tiered, erased): their unresolved ones go to others by the assignment rule. */
export async function reassignTicketsOf(tx: Tx, personId: number, actorId: number): Promise<void> {
  const tickets = await tx.manager
    .createQueryBuilder(TicketEntity, 't')
    .where(`t.assignee_id = :personId AND t.status <> 'resolved'`, { personId })
    .orderBy('t.id')
    .setLock('pessimistic_write')
    .getMany();
  if (tickets.length === 0) return;
  const candidates = (await lockCandidates(tx.manager, null)).filter((c) => c.id !== personId);
  for (const ticket of tickets) {
    const chosen = chooseAssignee(candidates, ticket);
    await setAssignee(tx, ticket, chosen?.id ?? null, actorId, 'staff_removed');
    if (chosen) {
      chosen.load += 1;
      chosen.lastAssignedAt = tx.now;
    }
  }
}

/** Supporters and admins with their identities and how many unresolved tickets each has. */
async function staffOf(tx: Tx): Promise<StaffMember[]> {
  const rows = await tx.manager.query(
    `SELECT p.*, (SELECT count(*) FROM ticket t WHERE t.assignee_id = p.id AND t.status <> 'resolved')::int AS load
     FROM person p WHERE (p.tier IS NOT NULL OR p.is_admin) AND p.merged_into_id IS NULL ORDER BY p.tier NULLS LAST, p.id`,
  );
  const identities = await tx.manager.find(IdentityEntity, { order: { id: 'ASC' } });
  return rows.map((r: Record<string, unknown>) => ({
    id: r.id as number,
    displayName: r.display_name as string,
    tier: r.tier as Tier | null,
    isAdmin: r.is_admin as boolean,
    away: r.away as boolean,
    lastAssignedAt: r.last_assigned_at as Date | null,
    load: r.load as number,
    identities: identities
      .filter((i) => i.personId === r.id)
      .map((i) => ({ platform: i.platform, userId: i.platformUserId })),
  }));
}
