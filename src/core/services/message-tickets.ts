import type { EntityManager } from 'typeorm';
import type { TicketEntity } from '../../db/entities';
import { ConflictError, ForbiddenError } from '../errors';
import type { Person, Platform } from '../model';
import { authorize } from '../rules/authorization';
import { openingRefusal } from '../rules/limits';
import {
  customerOfMessageTicket,
  descriptionFromMessage,
  titleFromMessage,
  type MessageAuthor,
} from '../rules/ways-in';
import { z } from 'zod';
import { identityRefSchema, openTicketSchema, parseInput, type OpenTicketInput } from '../schemas';
import { languageOf, t } from '../texts';
import { transaction, type ServiceContext, type Tx } from './context';
import { insertComment } from './comments';
import { recordChange } from './ticket-changes';
import { findPerson, resolvePerson, type ActorRef } from './people';
import { assertMayOpen, openInTx, openingCounts } from './tickets';

/** A chat message a ticket may be opened from: where it is, and who wrote it (null: a bot, or no one known). */
export interface ChatMessage {
  platform: Platform;
  channelId: string;
  messageId: string;
  author: ActorRef | null;
}

const platformIdSchema = z.string().min(1, { error: 'a message is required' }).max(100);
const chatMessageSchema = z.object({
  platform: identityRefSchema.shape.platform,
  channelId: platformIdSchema,
  messageId: platformIdSchema,
  author: identityRefSchema.nullable(),
});

export type MessageTicketFields = Omit<OpenTicketInput, 'onBehalfOf'> & {
  serviceId?: number | null;
  /** A link to the message where it was written: the ticket's first comment, by its customer, says where it came from. */
  sourceLink?: string;
};

const sourceLinkSchema = z
  .url({ protocol: /^https$/ })
  .max(300)
  .optional();

/** The answer to "may I open a ticket from this message?", before anyone is asked to confirm. */
export type MessageTicketCheck = { language: string } & (
  { allowed: true; forAuthor: boolean } | { allowed: false; reason: string; ticketNumber?: number }
);

/**
 * Tickets opened from a message where people already talk: a Discord DM or message command, a
 * Slack shortcut or reaction. Every way in goes through here, so each pays the same rule (whose
 * message it may be, rules/ways-in.ts), the same opening limits, and the message's unique key:
 * one message makes at most one ticket, however often it is asked for.
 */
export class MessageTicketService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The language `actorRef` reads what the ways in say to them in. */
  async language(actorRef: ActorRef): Promise<string> {
    return languageOf((await findPerson(this.ctx.dataSource.manager, actorRef)) ?? undefined, this.ctx.policy.language);
  }

  /**
   * What `open` would say, read without writing anything: the confirm-first step asks it, so a
   * person who may not is told at once and nothing is stored for them.
   */
  async check(actorRef: ActorRef, raw: ChatMessage): Promise<MessageTicketCheck> {
    const message = parseInput(chatMessageSchema, raw) as ChatMessage;
    const manager = this.ctx.dataSource.manager;
    const actor = (await findPerson(manager, actorRef)) ?? newcomer();
    const language = languageOf(actor, this.ctx.policy.language);
    const existing = await ticketOfMessage(manager, message);
    if (existing !== null)
      return {
        language,
        allowed: false,
        reason: t(language, 'waysIn.alreadyTicket', { number: existing }),
        ticketNumber: existing,
      };
    const decision = customerOfMessageTicket(actor, authorOf(actorRef, message));
    if ('refused' in decision) return { language, allowed: false, reason: t(language, 'waysIn.notYourMessage') };
    if (decision.customer === 'author') return { language, allowed: true, forAuthor: true };
    if (actor.id === 0) return { language, allowed: true, forAuthor: false };
    const refusal = openingRefusal(
      await openingCounts(manager, actor.id, this.ctx.clock.now()),
      this.ctx.policy,
      language,
    );
    return refusal ? { language, allowed: false, reason: refusal } : { language, allowed: true, forAuthor: false };
  }

  /** Opens the ticket once the person confirmed; the message's author is its customer when staff open it for them. */
  /**
   * Opens the ticket from the message's own text (a reaction, a DM, a message command): the title
   * its first line, the description all of it, an incident unless the person picks otherwise.
   */
  async openFromText(
    actorRef: ActorRef,
    message: ChatMessage,
    text: string,
    fields: Partial<MessageTicketFields> = {},
  ): Promise<TicketEntity> {
    const language = await this.language(actorRef);
    const title = titleFromMessage(text) || t(language, 'waysIn.untitled');
    return this.open(actorRef, message, {
      title,
      description: descriptionFromMessage(text) || title,
      type: 'incident',
      ...fields,
    });
  }

  async open(actorRef: ActorRef, rawMessage: ChatMessage, raw: MessageTicketFields): Promise<TicketEntity> {
    const message = parseInput(chatMessageSchema, rawMessage) as ChatMessage;
    const { serviceId, sourceLink: rawLink, ...rest } = raw;
    const sourceLink = parseInput(z.object({ sourceLink: sourceLinkSchema }), { sourceLink: rawLink }).sourceLink;
    const input = parseInput(openTicketSchema.omit({ onBehalfOf: true }), rest);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.open');
      const language = languageOf(actor, tx.ctx.policy.language);
      const existing = await ticketOfMessage(tx.manager, message);
      if (existing !== null) throw new ConflictError(t(language, 'waysIn.alreadyTicket', { number: existing }));
      const decision = customerOfMessageTicket(actor, authorOf(actorRef, message));
      if ('refused' in decision) throw new ForbiddenError(t(language, 'waysIn.notYourMessage'));
      let customer: Person & { isNew?: boolean } = actor;
      if (decision.customer === 'author' && message.author) {
        authorize(actor, 'ticket.open_on_behalf');
        customer = await resolvePerson(tx.manager, message.author);
      } else await assertMayOpen(tx, customer);
      if (customer.isNew) tx.knownPlatforms.set(customer.id, [message.platform]);
      const ticket = await openInTx(tx, actor, customer, {
        title: input.title,
        description: input.description,
        type: input.type,
        impact: input.impact ?? null,
        urgency: input.urgency ?? null,
        platform: actorRef.platform,
        location: input.location,
        followUpOfId: null,
        serviceId: serviceId ?? null,
      });
      await rememberMessage(tx, message, ticket.id, language);
      if (sourceLink) {
        const body = t(tx.ctx.policy.language, 'waysIn.fromMessage', { link: sourceLink });
        const comment = await insertComment(tx, ticket.id, customer.id, 'public', body, null);
        await recordChange(tx, ticket, customer.id, {
          kind: 'commented',
          data: { commentId: comment.id, byCustomer: true },
        });
      }
      return ticket;
    });
  }
}

/** The question a person has open in their DM with the bot: where it is, so a second DM can update it. */
export interface DmQuestion {
  channelId: string;
  questionId: string;
}

/**
 * The open DM questions, one per person (PRODUCT.md "More ways in"): in the database, so a restart
 * or another instance updates the same question rather than asking a second time.
 */
export class DmQuestionService {
  constructor(private readonly ctx: ServiceContext) {}

  async find(platform: Platform, userId: string): Promise<DmQuestion | null> {
    const [row] = await this.ctx.dataSource.query(
      `SELECT channel_id AS "channelId", question_id AS "questionId" FROM dm_question WHERE platform = $1 AND user_id = $2`,
      [platform, userId],
    );
    return row ?? null;
  }

  async remember(platform: Platform, userId: string, question: DmQuestion): Promise<void> {
    await this.ctx.dataSource.query(
      `INSERT INTO dm_question (platform, user_id, channel_id, question_id, asked_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (platform, user_id) DO UPDATE SET channel_id = $3, question_id = $4, asked_at = $5`,
      [platform, userId, question.channelId, question.questionId, this.ctx.clock.now()],
    );
  }

  /** The question was answered (Open, Cancel, a service picked): the next DM asks afresh. */
  async forget(platform: Platform, userId: string): Promise<void> {
    await this.ctx.dataSource.query(`DELETE FROM dm_question WHERE platform = $1 AND user_id = $2`, [platform, userId]);
  }
}

/** Someone the helpdesk has never seen: a customer with nothing open. */
const newcomer = (): Person => ({
  id: 0,
  displayName: '',
  tier: null,
  isAdmin: false,
  away: false,
  lastAssignedAt: null,
  language: null,
});

function authorOf(actorRef: ActorRef, message: ChatMessage): MessageAuthor {
  if (!message.author) return 'nobody';
  const same = message.author.platform === actorRef.platform && message.author.userId === actorRef.userId;
  return same ? 'actor' : 'someone_else';
}

async function ticketOfMessage(manager: EntityManager, message: ChatMessage): Promise<number | null> {
  const [row] = await manager.query(
    `SELECT t.number FROM message_ticket m JOIN ticket t ON t.id = m.ticket_id
     WHERE m.platform = $1 AND m.channel_id = $2 AND m.message_id = $3`,
    [message.platform, message.channelId, message.messageId],
  );
  return row ? Number(row.number) : null;
}

/** The message's unique key: an opening racing this one for the same message waits for it, then finds it taken. */
async function rememberMessage(tx: Tx, message: ChatMessage, ticketId: number, language: string): Promise<void> {
  const [claimed] = await tx.manager.query(
    `INSERT INTO message_ticket (platform, channel_id, message_id, ticket_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING ticket_id`,
    [message.platform, message.channelId, message.messageId, ticketId],
  );
  if (claimed) return;
  const existing = await ticketOfMessage(tx.manager, message);
  throw new ConflictError(t(language, 'waysIn.alreadyTicket', { number: existing ?? '?' }));
}
