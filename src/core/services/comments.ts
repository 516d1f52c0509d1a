import { msg } from '../rules/messages';
import { t } from '../texts';
import {
  AttachmentEntity,
  CommentEntity,
  CommentPostEntity,
  CommentRevisionEntity,
  TicketEntity,
} from '../../db/entities';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Comment, CommentCopy, LocatedTicket, Platform } from '../model';
import { authorize } from '../rules/authorization';
import * as transitions from '../rules/transitions';
import {
  commentSchema,
  deleteCommentSchema,
  editCommentSchema,
  noteSchema,
  parseInput,
  REDACTED_FILE,
  redactSchema,
  type CommentInput,
} from '../schemas';
import { transaction, type ServiceContext, type Tx } from './context';
import { forgetReport } from './look-alike';
import { resolvePerson, type ActorRef } from './people';
import { replaceTextCopies } from './text-copies';
import { lockTicket } from './ticket-store';
import { applyChange, recordChange } from './ticket-changes';
import { recordLeftOnReopen } from './major-incidents';
import { openInTx } from './tickets';

export interface CommentResult {
  comment: Comment;
  /** The ticket the comment landed on: a new follow-up ticket when the old one was closed too long ago. */
  ticket: LocatedTicket;
  outcome: transitions.CustomerReplyOutcome | 'staff_reply' | 'duplicate';
}

export interface RedactionResult {
  /** As it is now: the replacement text, who redacted it and when. */
  comment: Comment;
  ticket: LocatedTicket;
  /** The bot's copies of it on the platforms, which the comment.redacted deliveries edit to the replacement. */
  copies: CommentCopy[];
}

/** Thrown inside a transaction to undo it when a concurrent delivery of the same message won. */
class DuplicateMessage extends Error {}

/** What is said in a ticket: public comments, internal notes, their edits, deletions and redactions. */
export class CommentService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * A message in a ticket's conversation. The customer's reply moves the ticket by the reopen rule;
   * a staff member's first public comment is the first response. A platform message stored before
   * is not stored again.
   */
  /**
   * `alongside` runs in the comment's own transaction once the comment is stored (a saved reply's
   * use is counted with the comment it became, or not at all); a duplicate message skips it.
   */
  async comment(
    actorRef: ActorRef,
    raw: CommentInput,
    alongside?: (tx: Tx, result: CommentResult) => Promise<void>,
  ): Promise<CommentResult> {
    const input = parseInput(commentSchema, raw);
    const messageRef = input.platformMessageId ? { platform: actorRef.platform, id: input.platformMessageId } : null;
    try {
      return await transaction(this.ctx, async (tx) => {
        if (messageRef) {
          const existing = await findByMessage(tx, messageRef.platform, messageRef.id);
          if (existing) return duplicateResult(tx, existing);
        }
        const actor = await resolvePerson(tx.manager, actorRef);
        let ticket = await lockTicket(tx, input.ticketNumber);
        authorize(actor, 'ticket.comment', ticket);

        let outcome: CommentResult['outcome'] = 'staff_reply';
        // Set when the message was written in another ticket's place (a late reply that opened a
        // follow-up): the platforms must post it in the new ticket's place, where it is not yet.
        let writtenInTicketId: number | undefined;
        if (actor.id === ticket.customerId) {
          outcome = transitions.customerReplyOutcome(ticket, tx.now, this.ctx.policy.reopenDays);
          if (outcome === 'follow_up') {
            const old = ticket;
            ticket = await openInTx(tx, actor, actor, {
              // Stored words are in the helpdesk's language, whoever reads them later.
              title: t(this.ctx.policy.language, 'stored.followUpTitle', {
                number: old.number,
                title: old.title,
              }).slice(0, 100),
              description: (
                input.body.trim() || t(this.ctx.policy.language, 'stored.followUpDescription', { number: old.number })
              ).slice(0, 3000),
              type: old.type,
              impact: old.impact,
              urgency: old.urgency,
              platform: old.platform,
              location: {},
              followUpOfId: old.id,
            });
            await recordChange(tx, old, actor.id, {
              kind: 'follow_up_opened',
              data: { followUpNumber: ticket.number, followUpId: ticket.id },
            });
            writtenInTicketId = old.id;
          } else {
            const before = { ...ticket };
            const patch = transitions.customerReplyPatch(ticket, outcome, tx.now);
            const to = patch.status ?? ticket.status;
            await applyChange(tx, ticket, actor.id, {
              patch,
              event:
                to === before.status
                  ? null
                  : { kind: 'status_changed', data: { from: before.status, to, reason: 'customer_reply' } },
            });
            await recordLeftOnReopen(tx, before, ticket, actor.id);
          }
        }
        const firstResponse = actor.id !== ticket.customerId && ticket.firstResponseAt === null;
        if (firstResponse) await applyChange(tx, ticket, actor.id, { patch: { firstResponseAt: tx.now }, event: null });

        const comment = await insertComment(tx, ticket.id, actor.id, 'public', input.body, messageRef);
        await storeAttachments(tx, comment.id, input.attachments);
        await recordChange(tx, ticket, actor.id, {
          kind: 'commented',
          data: {
            commentId: comment.id,
            byCustomer: actor.id === ticket.customerId,
            writtenInTicketId,
            // The card's SLA line moves from "first response due" to the resolution.
            firstResponse: firstResponse || undefined,
          },
        });
        const result: CommentResult = { comment, ticket, outcome };
        if (alongside) await alongside(tx, result);
        return result;
      });
    } catch (error) {
      if (!(error instanceof DuplicateMessage) || !messageRef) throw error;
      return transaction(this.ctx, async (tx) =>
        duplicateResult(tx, (await findByMessage(tx, messageRef.platform, messageRef.id))!),
      );
    }
  }

  /** Refuses (as note() would) someone who may not write internal notes, before a form for one is opened. */
  async mayNote(actorRef: ActorRef): Promise<void> {
    await transaction(this.ctx, async (tx) => authorize(await resolvePerson(tx.manager, actorRef), 'ticket.note'));
  }

  /** An internal note: staff only, never shown or sent to the customer. */
  async note(actorRef: ActorRef, raw: unknown): Promise<CommentResult> {
    const input = parseInput(noteSchema, raw);
    const messageRef = input.platformMessageId ? { platform: actorRef.platform, id: input.platformMessageId } : null;
    return transaction(this.ctx, async (tx) => {
      if (messageRef) {
        const existing = await findByMessage(tx, messageRef.platform, messageRef.id);
        if (existing) return duplicateResult(tx, existing);
      }
      const actor = await resolvePerson(tx.manager, actorRef);
      const ticket = await lockTicket(tx, input.ticketNumber);
      authorize(actor, 'ticket.note', ticket);
      const comment = await insertComment(tx, ticket.id, actor.id, 'internal', input.body, messageRef);
      await recordChange(tx, ticket, actor.id, { kind: 'noted', data: { commentId: comment.id } });
      return { comment, ticket, outcome: 'staff_reply' };
    });
  }

  /** The author edited their message on the platform: the new text is kept, the old one too. */
  async edit(actorRef: ActorRef, raw: unknown): Promise<Comment | null> {
    const input = parseInput(editCommentSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const comment = await findByMessage(tx, actorRef.platform, input.platformMessageId);
      if (!comment) return null;
      const actor = await resolvePerson(tx.manager, actorRef);
      if (comment.authorId !== actor.id) throw new ForbiddenError(msg('refusals.authorOnlyEdit'));
      if (comment.redactedAt || comment.deletedAt || comment.body === input.body) return comment;
      await tx.manager.insert(CommentRevisionEntity, {
        commentId: comment.id,
        body: comment.body,
        replacedAt: tx.now,
        replacedById: actor.id,
      });
      await tx.manager.update(CommentEntity, comment.id, { body: input.body, editedAt: tx.now });
      const ticket = await tx.manager.findOneByOrFail(TicketEntity, { id: comment.ticketId });
      await recordChange(tx, ticket, actor.id, { kind: 'comment_edited', data: { commentId: comment.id } });
      return { ...comment, body: input.body, editedAt: tx.now };
    });
  }

  /**
   * A message was deleted on the platform: the comment is marked, never erased. A redacted comment
   * is left as it is: its message going (the bot deletes it, or an admin as asked) is the redaction's
   * doing, and the record keeps showing the replacement rather than "deleted".
   */
  async markDeleted(platform: Platform, raw: unknown, actorRef?: ActorRef): Promise<Comment | null> {
    const input = parseInput(deleteCommentSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const comment = await findByMessage(tx, platform, input.platformMessageId);
      if (!comment || comment.deletedAt || comment.redactedAt) return comment;
      const actor = actorRef ? await resolvePerson(tx.manager, actorRef) : null;
      await tx.manager.update(CommentEntity, comment.id, { deletedAt: tx.now, deletedById: actor?.id ?? null });
      const ticket = await tx.manager.findOneByOrFail(TicketEntity, { id: comment.ticketId });
      await recordChange(tx, ticket, actor?.id ?? null, { kind: 'comment_deleted', data: { commentId: comment.id } });
      return { ...comment, deletedAt: tx.now };
    });
  }

  /**
   * An admin erases a comment's text (a pasted password): every stored version of it is replaced
   * and its files' data dropped. The comment is named by id, or by a platform message: the one
   * written, or one of the bot's copies of it. The deliveries it plans take the text off the
   * platforms: copies edited, the original deleted where the bot may.
   */
  async redact(actorRef: ActorRef, raw: unknown): Promise<RedactionResult> {
    const input = parseInput(redactSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      // Before the lookup: someone refused learns nothing about which messages are stored.
      authorize(actor, 'comment.redact');
      const comment = await commentToRedact(tx, actorRef.platform, input);
      if (comment.redactedAt) throw new ConflictError(msg('refusals.commentRedacted', { id: comment.id }));
      const revisions = await tx.manager.findBy(CommentRevisionEntity, { commentId: comment.id });
      const files = await tx.manager.findBy(AttachmentEntity, { commentId: comment.id });
      const replacement = input.replacement ?? t(this.ctx.policy.language, 'stored.redacted');
      await tx.manager.update(CommentEntity, comment.id, {
        body: replacement,
        redactedAt: tx.now,
        redactedById: actor.id,
      });
      await tx.manager.update(CommentRevisionEntity, { commentId: comment.id }, { body: replacement });
      // A file's name and where it came from can say as much as the file.
      await tx.manager.update(
        AttachmentEntity,
        { commentId: comment.id },
        { data: null, filename: REDACTED_FILE, sourceUrl: null, skipped: 'redacted' },
      );
      const ticket = await tx.manager.findOneByOrFail(TicketEntity, { id: comment.ticketId });
      const copies = await tx.manager.find(CommentPostEntity, {
        where: { commentId: comment.id },
        order: { id: 'ASC' },
      });
      // The ticket's platform always: a copy being posted right now is recorded only once it exists.
      const platforms = [
        ...new Set([
          ticket.platform,
          ...(comment.platform ? [comment.platform] : []),
          ...copies.map((c) => c.platform),
        ]),
      ];
      const writtenInTicketId = await writtenInTicket(tx, comment);
      // A late reply that opened a follow-up is that ticket's description too (see comment()), whatever its edits since.
      const description = writtenInTicketId !== null && ticket.followUpOfId === writtenInTicketId;
      if (description) forgetReport(tx.manager, ticket.id);
      // Copies of the text elsewhere: the follow-up's opening, events and deliveries of both tickets.
      await replaceTextCopies(
        tx,
        { ticketIds: [ticket.id, ...(writtenInTicketId ? [writtenInTicketId] : [])] },
        [comment.body, ...revisions.map((r) => r.body), ...files.flatMap((f) => [f.filename, f.sourceUrl])],
        replacement,
      );
      await applyChange(tx, ticket, actor.id, {
        patch: description ? { description: replacement } : {},
        event: {
          kind: 'comment_redacted',
          data: {
            commentId: comment.id,
            platforms,
            ...(writtenInTicketId ? { writtenInTicketId } : {}),
            ...(description ? { description } : {}),
          },
        },
      });
      return {
        comment: { ...comment, body: replacement, redactedAt: tx.now, redactedById: actor.id },
        ticket,
        copies,
      };
    });
  }
}

/** The comment a redaction names, locked: by id, or by a platform message (its own, or a copy's). */
async function commentToRedact(
  tx: Tx,
  platform: Platform,
  input: { commentId?: number; platformMessageId?: string },
): Promise<CommentEntity> {
  let id = input.commentId;
  if (input.platformMessageId !== undefined) {
    const own = await findByMessage(tx, platform, input.platformMessageId);
    const copy = own
      ? null
      : await tx.manager.findOneBy(CommentPostEntity, { platform, messageId: input.platformMessageId });
    id = own?.id ?? copy?.commentId;
    if (id === undefined) {
      throw new NotFoundError(msg('refusals.notAComment'));
    }
  }
  const comment = await tx.manager.findOne(CommentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!comment) throw new NotFoundError(msg('refusals.noComment', { id: id ?? '?' }));
  return comment;
}

/** The older ticket a comment was written in, when it was the late reply that opened its follow-up. */
async function writtenInTicket(tx: Tx, comment: CommentEntity): Promise<number | null> {
  const [row] = await tx.manager.query(
    `SELECT data->'writtenInTicketId' AS id FROM ticket_event WHERE ticket_id = $1 AND kind = 'commented' AND data->>'commentId' = $2 LIMIT 1`,
    [comment.ticketId, String(comment.id)],
  );
  return typeof row?.id === 'number' ? row.id : null;
}

async function findByMessage(tx: Tx, platform: Platform, platformMessageId: string): Promise<Comment | null> {
  return tx.manager.findOneBy(CommentEntity, { platform, platformMessageId });
}

async function duplicateResult(tx: Tx, comment: CommentEntity): Promise<CommentResult> {
  const ticket = await tx.manager.findOneByOrFail(TicketEntity, { id: comment.ticketId });
  return { comment, ticket, outcome: 'duplicate' };
}

export async function insertComment(
  tx: Tx,
  ticketId: number,
  authorId: number,
  kind: 'public' | 'internal',
  body: string,
  messageRef: { platform: Platform; id: string } | null,
): Promise<CommentEntity> {
  const [row] = await tx.manager.query(
    `INSERT INTO comment (ticket_id, author_id, kind, body, platform, platform_message_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (platform, platform_message_id) DO NOTHING
     RETURNING id`,
    [ticketId, authorId, kind, body, messageRef?.platform ?? null, messageRef?.id ?? null, tx.now],
  );
  if (!row) throw new DuplicateMessage();
  return tx.manager.findOneByOrFail(CommentEntity, { id: row.id });
}

/** Files are kept up to the size setting; a larger one keeps its name and size and says why. */
async function storeAttachments(
  tx: Tx,
  commentId: number,
  attachments: ReturnType<typeof parseInput<typeof commentSchema>>['attachments'],
): Promise<void> {
  const max = tx.ctx.policy.attachmentMaxBytes;
  for (const file of attachments) {
    const tooLarge = file.sizeBytes > max || (file.data?.length ?? 0) > max;
    const missing = !file.data && !tooLarge;
    await tx.manager.insert(AttachmentEntity, {
      commentId,
      filename: file.filename,
      contentType: file.contentType ?? null,
      sizeBytes: file.data?.length ?? file.sizeBytes,
      data: tooLarge ? null : (file.data ?? null),
      sourceUrl: file.sourceUrl ?? null,
      skipped: tooLarge ? `larger than ATTACHMENT_MAX_MB (${max} bytes)` : missing ? 'could not be downloaded' : null,
      createdAt: tx.now,
    });
  }
}
