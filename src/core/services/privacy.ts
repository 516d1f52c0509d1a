import { msg, PLATFORM_LABEL } from '../rules/messages';
import { t } from '../texts';
import { TicketEntity } from '../../db/entities';
import { ConflictError, NotFoundError } from '../errors';
import type { IdentityRef, LocatedTicket, Person } from '../model';
import { authorize } from '../rules/authorization';
import { parseInput, personRefSchema, redactTicketSchema, type RedactablePart } from '../schemas';
import { transaction, type ServiceContext, type Tx } from './context';
import { erasedName, erasePerson, type ErasureResult } from './erasure';
import { forgetReport } from './look-alike';
import { findPerson, resolvePerson, type ActorRef } from './people';
import { exportPerson, type PersonExport } from './person-export';
import { lockTicket } from './ticket-store';
import { applyChange } from './ticket-changes';
import { replaceTextCopies } from './text-copies';

export type { ErasureResult } from './erasure';
export type { PersonExport } from './person-export';

export interface TicketRedactionResult {
  ticket: LocatedTicket;
  part: RedactablePart;
  replacement: string;
  /** Where the text was posted on a platform, which the ticket.redacted delivery edits (none for a rating). */
  platformCopies: boolean;
}

/** What a confirmation shows before an erasure: whom it erases and how much. */
export interface ErasurePreview {
  personId: number;
  /** The name they will have once erased, in the helpdesk's language. */
  placeholder: string;
  displayName: string;
  identities: IdentityRef[];
  ticketsAsCustomer: number;
  openTickets: number;
  comments: number;
}

/**
 * PRODUCT.md "Privacy": an admin's redaction of a ticket's own texts (a password pasted into a
 * title), and erasing or exporting everything the helpdesk keeps about a person. Admins only,
 * checked here before anything is looked up.
 */
export class PrivacyService {
  constructor(private readonly ctx: ServiceContext) {}

  /** A ticket's title, description or rating comment replaced, with every copy the helpdesk kept of it. */
  async redactTicket(actorRef: ActorRef, raw: unknown): Promise<TicketRedactionResult> {
    const input = parseInput(redactTicketSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.redact');
      const ticket = await lockTicket(tx, input.ticketNumber);
      const replacement = input.replacement ?? t(this.ctx.policy.language, 'stored.redacted');
      const olds = input.part === 'rating' ? await redactRatings(tx, ticket, replacement) : [ticket[input.part]];
      if (input.part !== 'rating') {
        if (ticket[input.part] === replacement)
          throw new ConflictError(msg(`refusals.alreadyReads.${input.part}`, { number: ticket.number, replacement }));
        // Its search vector follows (a trigger); the look-alike cache holds the old one.
        forgetReport(tx.manager, ticket.id);
      }
      await replaceTextCopies(tx, { ticketIds: [ticket.id] }, olds, replacement);
      await applyChange(tx, ticket, actor.id, {
        patch: input.part === 'rating' ? {} : { [input.part]: replacement },
        event: { kind: 'ticket_redacted', data: { part: input.part } },
      });
      return { ticket, part: input.part, replacement, platformCopies: input.part !== 'rating' };
    });
  }

  /** Whom `forget` would erase, for the admin to confirm; nothing changes. */
  async forgetPreview(actorRef: ActorRef, raw: unknown): Promise<ErasurePreview> {
    const input = parseInput(personRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'person.forget');
      const person = await personToErase(tx, actor, input.person);
      const [counts] = await tx.manager.query(
        `SELECT (SELECT count(*)::int FROM ticket WHERE customer_id = $1) AS tickets,
                (SELECT count(*)::int FROM ticket WHERE customer_id = $1 AND status <> 'resolved') AS open,
                (SELECT count(*)::int FROM comment WHERE author_id = $1) AS comments`,
        [person.id],
      );
      const identities: Array<{ platform: IdentityRef['platform']; platform_user_id: string }> = await tx.manager.query(
        `SELECT platform, platform_user_id FROM identity WHERE person_id = $1 ORDER BY id`,
        [person.id],
      );
      return {
        personId: person.id,
        placeholder: erasedName(this.ctx.policy.language, person.id),
        displayName: person.displayName,
        identities: identities.map((i) => ({ platform: i.platform, userId: i.platform_user_id })),
        ticketsAsCustomer: counts.tickets,
        openTickets: counts.open,
        comments: counts.comments,
      };
    });
  }

  /** Erases a person in one transaction (see erasure.ts); the deliveries it writes take the platforms' copies off. */
  async forget(actorRef: ActorRef, raw: unknown): Promise<ErasureResult> {
    const input = parseInput(personRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'person.forget');
      const person = await personToErase(tx, actor, input.person);
      return erasePerson(tx, actor, person);
    });
  }

  /** Everything the helpdesk keeps about a person, as one JSON-ready object. */
  async export(actorRef: ActorRef, raw: unknown): Promise<PersonExport> {
    const input = parseInput(personRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'person.export');
      const person = await findPerson(tx.manager, input.person);
      if (!person) throw new NotFoundError(nothingKept(input.person));
      return exportPerson(tx, person.id);
    });
  }
}

const nothingKept = (ref: IdentityRef) =>
  msg('refusals.nothingKept', { platform: PLATFORM_LABEL[ref.platform], userId: ref.userId });

/** The person an erasure names, locked: never oneself (another admin does that), never twice. */
async function personToErase(tx: Tx, actor: Person, ref: IdentityRef): Promise<Person> {
  const person = await findPerson(tx.manager, ref);
  if (!person) throw new NotFoundError(nothingKept(ref));
  if (person.id === actor.id) throw new ConflictError(msg('refusals.eraseSelf'));
  await tx.manager.query(`SELECT id FROM person WHERE id = $1 FOR UPDATE`, [person.id]);
  return person;
}

/** The comments of every rating of the ticket, replaced; what they said, for the copies. */
async function redactRatings(tx: Tx, ticket: TicketEntity, replacement: string): Promise<string[]> {
  const [rows]: [Array<{ comment: string }>, number] = await tx.manager.query(
    `UPDATE rating r SET comment = $2 FROM rating old
     WHERE r.id = old.id AND r.ticket_id = $1 AND r.comment IS NOT NULL AND r.comment <> $2
     RETURNING old.comment`,
    [ticket.id, replacement],
  );
  if (rows.length === 0) throw new ConflictError(msg('refusals.noRatingComment', { number: ticket.number }));
  return rows.map((r) => r.comment);
}
