import type { EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { authorize } from '../rules/authorization';
import { fillSavedReply, SAVED_REPLY_TEXT_MAX } from '../rules/saved-replies';
import {
  parseInput,
  savedReplyEditSchema,
  savedReplyRefSchema,
  savedReplySchema,
  savedReplySendSchema,
  savedReplyUseSchema,
} from '../schemas';
import { CommentService, type CommentResult } from './comments';
import { transaction, type ServiceContext, type Tx } from './context';
import { resolvePerson, type ActorRef } from './people';
import { languageOf, t } from '../texts';
import { lockTicket } from './ticket-store';

export interface SavedReply {
  id: number;
  name: string;
  text: string;
  uses: number;
}

export interface SavedReplyRevision {
  name: string;
  text: string;
  editedById: number | null;
  createdAt: Date;
}

/**
 * Saved replies (PRODUCT.md "Saved replies"): admins keep them, every supporter uses them. Each
 * change is a revision, as articles keep theirs; removing one archives it, and its name is free again.
 */
export class SavedReplyService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The replies in use, by name (staff: for autocompletion and the pick list). */
  async list(actorRef: ActorRef): Promise<SavedReply[]> {
    return transaction(this.ctx, async (tx) => {
      authorize(await resolvePerson(tx.manager, actorRef), 'replies.use');
      return tx.manager.query(
        `SELECT id, name, body AS text, uses FROM saved_reply WHERE archived_at IS NULL ORDER BY lower(name)`,
      );
    });
  }

  /** Every reply in use with its text and count, for the admins who keep them (`/helpdesk replies list`). */
  async overview(actorRef: ActorRef): Promise<SavedReply[]> {
    return transaction(this.ctx, async (tx) => {
      authorize(await resolvePerson(tx.manager, actorRef), 'replies.manage');
      return tx.manager.query(
        `SELECT id, name, body AS text, uses FROM saved_reply WHERE archived_at IS NULL ORDER BY lower(name)`,
      );
    });
  }

  /** Refuses (as add() would) someone who may not keep the replies, before a form for one is opened. */
  async mayManage(actorRef: ActorRef): Promise<void> {
    await transaction(this.ctx, async (tx) => authorize(await resolvePerson(tx.manager, actorRef), 'replies.manage'));
  }

  /** One reply in use by name, for the admins who keep it (the edit form is filled in from it). */
  async get(actorRef: ActorRef, raw: unknown): Promise<SavedReply> {
    const input = parseInput(savedReplyRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'replies.manage');
      return lockReply(tx.manager, input.name, languageOf(actor, tx.ctx.policy.language));
    });
  }

  async add(actorRef: ActorRef, raw: unknown): Promise<SavedReply> {
    const input = parseInput(savedReplySchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'replies.manage');
      await assertNameFree(tx.manager, input.name, null, languageOf(actor, tx.ctx.policy.language));
      const [row] = await tx.manager.query(
        `INSERT INTO saved_reply (name, body, created_at, updated_at) VALUES ($1, $2, $3, $3)
         RETURNING id, name, body AS text, uses`,
        [input.name, input.text, tx.now],
      );
      await addRevision(tx, row, actor.id);
      return row;
    });
  }

  /** A new name, a new text, or both; the reply as it was stays as a revision. */
  async edit(actorRef: ActorRef, raw: unknown): Promise<SavedReply> {
    const input = parseInput(savedReplyEditSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'replies.manage');
      const reply = await lockReply(tx.manager, input.name, languageOf(actor, tx.ctx.policy.language));
      const name = input.newName ?? reply.name;
      const text = input.text ?? reply.text;
      if (name === reply.name && text === reply.text) return reply;
      await assertNameFree(tx.manager, name, reply.id, languageOf(actor, tx.ctx.policy.language));
      await tx.manager.query(`UPDATE saved_reply SET name = $2, body = $3, updated_at = $4 WHERE id = $1`, [
        reply.id,
        name,
        text,
        tx.now,
      ]);
      const edited = { ...reply, name, text };
      await addRevision(tx, edited, actor.id);
      return edited;
    });
  }

  /** Archived: it leaves the lists, its revisions and its count stay. */
  async remove(actorRef: ActorRef, raw: unknown): Promise<SavedReply> {
    const input = parseInput(savedReplyRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'replies.manage');
      const reply = await lockReply(tx.manager, input.name, languageOf(actor, tx.ctx.policy.language));
      await tx.manager.query(`UPDATE saved_reply SET archived_at = $2 WHERE id = $1`, [reply.id, tx.now]);
      return reply;
    });
  }

  async revisions(actorRef: ActorRef, raw: unknown): Promise<SavedReplyRevision[]> {
    const input = parseInput(savedReplyRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'replies.manage');
      const reply = await lockReply(tx.manager, input.name, languageOf(actor, tx.ctx.policy.language));
      return tx.manager.query(
        `SELECT name, body AS text, edited_by_id AS "editedById", created_at AS "createdAt"
         FROM saved_reply_revision WHERE saved_reply_id = $1 ORDER BY id`,
        [reply.id],
      );
    });
  }

  /**
   * The reply filled in for one ticket, for staff to look over before sending: the customer's and
   * the assignee's names, the number and the title. Staff who may comment on the ticket only.
   */
  async fill(actorRef: ActorRef, raw: unknown): Promise<{ reply: SavedReply; text: string }> {
    const input = parseInput(savedReplyUseSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'replies.use');
      const ticket = await lockTicket(tx, input.ticketNumber);
      authorize(actor, 'ticket.comment', ticket);
      const reply = await lockReply(tx.manager, input.name, languageOf(actor, tx.ctx.policy.language));
      const [names] = await tx.manager.query(
        `SELECT (SELECT display_name FROM person WHERE id = $1) AS customer,
                (SELECT display_name FROM person WHERE id = $2) AS assignee`,
        [ticket.customerId, ticket.assigneeId],
      );
      const text = fillSavedReply(reply.text, {
        customer: names.customer ?? '',
        number: ticket.number,
        assignee: names.assignee ?? null,
        title: ticket.title,
      });
      // A chat message holds 2,000 characters (Discord's limit): a longer one is refused here, at the preview.
      if (text.length > SAVED_REPLY_TEXT_MAX)
        throw new InvalidInputError([
          {
            field: '',
            problem: t(languageOf(actor, tx.ctx.policy.language), 'savedRepliesChat.tooLong', {
              length: text.length,
              max: SAVED_REPLY_TEXT_MAX,
            }),
          },
        ]);
      return { reply, text };
    });
  }

  /**
   * The reply posted in the ticket as the staff member's own comment (a staff reply like any other:
   * the customer sees it where they talk), then its use counted. `text`: what they made of it after
   * the preview; without it, the reply as filled in now.
   */
  async send(actorRef: ActorRef, raw: unknown): Promise<CommentResult & { reply: SavedReply }> {
    const input = parseInput(savedReplySendSchema, raw);
    const { reply, text } = await this.fill(actorRef, { ticketNumber: input.ticketNumber, name: input.name });
    // The use is counted in the comment's transaction: both are stored, or neither.
    const result = await new CommentService(this.ctx).comment(
      actorRef,
      { ticketNumber: input.ticketNumber, body: input.text ?? text },
      (tx) =>
        tx.manager.query(`UPDATE saved_reply SET uses = uses + 1 WHERE id = $1`, [reply.id]).then(() => undefined),
    );
    return { ...result, reply };
  }

  /** How often each reply in use was used, most used first (`/helpdesk stats`, `/metrics`). */
  async uses(): Promise<Array<{ name: string; uses: number }>> {
    return this.ctx.dataSource.query(
      `SELECT name, uses FROM saved_reply WHERE archived_at IS NULL ORDER BY uses DESC, lower(name)`,
    );
  }
}

async function lockReply(manager: EntityManager, name: string, language: string): Promise<SavedReply> {
  const [row] = await manager.query(
    `SELECT id, name, body AS text, uses FROM saved_reply
     WHERE archived_at IS NULL AND lower(name) = lower($1) FOR UPDATE`,
    [name],
  );
  if (!row) throw new NotFoundError(t(language, 'savedReplies.notFound', { name }));
  return row;
}

async function assertNameFree(
  manager: EntityManager,
  name: string,
  exceptId: number | null,
  language: string,
): Promise<void> {
  const [taken] = await manager.query(
    `SELECT id FROM saved_reply WHERE archived_at IS NULL AND lower(name) = lower($1) AND id IS DISTINCT FROM $2`,
    [name, exceptId],
  );
  if (taken) throw new ConflictError(t(language, 'savedReplies.nameTaken', { name }));
}

async function addRevision(tx: Tx, reply: SavedReply, editorId: number): Promise<void> {
  await tx.manager.query(
    `INSERT INTO saved_reply_revision (saved_reply_id, name, body, edited_by_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [reply.id, reply.name, reply.text, editorId, tx.now],
  );
}
