import { msg } from '../rules/messages';
import type { EntityManager } from 'typeorm';
import { ConflictError } from '../errors';
import type { Ticket } from '../model';
import { authorize } from '../rules/authorization';
import { parseInput, rateSchema, ratingCommentSchema } from '../schemas';
import { transaction, type ServiceContext } from './context';
import { recordChange } from './ticket-changes';
import { resolvePerson, type ActorRef } from './people';
import { findTicket } from './ticket-store';

export interface Rating {
  ticketNumber: number;
  score: number;
  comment: string | null;
}

/** How the customer rated the ticket's latest resolution (1–5); null while unresolved or unrated. */
export async function currentRating(
  manager: EntityManager,
  ticket: Pick<Ticket, 'id' | 'resolvedAt'>,
): Promise<number | null> {
  if (!ticket.resolvedAt) return null;
  const [rating]: Array<{ score: number }> = await manager.query(
    `SELECT score FROM rating WHERE ticket_id = $1 AND resolved_at = $2`,
    [ticket.id, ticket.resolvedAt],
  );
  return rating?.score ?? null;
}

/**
 * Satisfaction: the customer rates each resolution once (1–5), and may add a comment. The key
 * (ticket, resolution time) makes a second press, on this instance or another, count once.
 */
export class RatingService {
  constructor(private readonly ctx: ServiceContext) {}

  async rate(actorRef: ActorRef, raw: unknown): Promise<Rating> {
    const input = parseInput(rateSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const ticket = await findTicket(tx, input.ticketNumber);
      authorize(actor, 'ticket.rate', ticket);
      if (ticket.status !== 'resolved' || !ticket.resolvedAt)
        throw new ConflictError(msg('refusals.notResolvedRate', { number: ticket.number }));
      const inserted: Array<{ score: number }> = await tx.manager.query(
        `INSERT INTO rating (ticket_id, resolved_at, person_id, score, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (ticket_id, resolved_at) DO NOTHING RETURNING score`,
        [ticket.id, ticket.resolvedAt, actor.id, input.score, tx.now],
      );
      if (inserted.length === 0) {
        const [earlier] = await tx.manager.query(`SELECT score FROM rating WHERE ticket_id = $1 AND resolved_at = $2`, [
          ticket.id,
          ticket.resolvedAt,
        ]);
        throw new ConflictError(msg('refusals.alreadyRated', { number: ticket.number, score: earlier.score }));
      }
      await recordChange(tx, ticket, actor.id, { kind: 'rated', data: { score: input.score } });
      return { ticketNumber: ticket.number, score: input.score, comment: null };
    });
  }

  /** The optional comment, on the rating of the latest resolution. */
  async comment(actorRef: ActorRef, raw: unknown): Promise<Rating> {
    const input = parseInput(ratingCommentSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const ticket = await findTicket(tx, input.ticketNumber);
      authorize(actor, 'ticket.rate', ticket);
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [updated]: [Array<{ score: number }>, number] = await tx.manager.query(
        `UPDATE rating SET comment = $3 WHERE ticket_id = $1 AND resolved_at = $2 AND comment IS NULL RETURNING score`,
        [ticket.id, ticket.resolvedAt, input.comment],
      );
      if (updated.length === 0) throw new ConflictError(msg('refusals.noRatingToComment', { number: ticket.number }));
      await recordChange(tx, ticket, actor.id, {
        kind: 'rated',
        data: { score: updated[0].score, comment: input.comment },
      });
      return { ticketNumber: ticket.number, score: updated[0].score, comment: input.comment };
    });
  }
}
