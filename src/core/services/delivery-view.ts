import { In } from 'typeorm';
import {
  AttachmentEntity,
  CommentEntity,
  CommentPostEntity,
  IdentityEntity,
  PersonEntity,
  TicketEntity,
} from '../../db/entities';
import { NotFoundError } from '../errors';
import type { CommentKind, IdentityRef, LocatedTicket, Platform, TicketLocation } from '../model';
import { ticketCard, type TicketCard } from '../rules/card';
import { asMessage, say, type SayOptions } from '../rules/messages';
import { languageOf, t, type Language } from '../texts';
import { isStaff } from '../rules/roles';
import { transaction, type ServiceContext } from './context';
import { currentRating } from './ratings';
import { mergeLocation } from './ticket-bookkeeping';

export interface PersonView {
  id: number;
  displayName: string;
  isStaff: boolean;
  identities: IdentityRef[];
  /** The language they read (their choice, else `HELPDESK_LANGUAGE`). */
  language: Language;
}

export interface CommentView {
  id: number;
  kind: CommentKind;
  body: string;
  author: PersonView | null;
  byCustomer: boolean;
  platform: Platform | null;
  platformMessageId: string | null;
  deleted: boolean;
  /** Its body is an admin's replacement: the text it had is gone, from here and from the platforms. */
  redacted: boolean;
  attachments: Array<{ id: number; filename: string; contentType: string | null; data: Buffer | null }>;
}

export interface DeliveryView {
  ticket: LocatedTicket;
  card: TicketCard;
  /** The card as the customer reads it, all in their language (Slack's card in their DM thread). */
  customerCard: TicketCard;
  customer: PersonView;
  assignee: PersonView | null;
  comment: CommentView | null;
  /** The staff side's language (the card, the staff thread): `HELPDESK_LANGUAGE`. */
  staffLanguage: Language;
}

/** What `localized` needs of a delivery: where it goes, what it is, and what it says. */
export interface DeliveryToSay {
  destination: string;
  kind: string;
  ticketId: number | null;
  payload: Record<string, unknown>;
}

/**
 * What a platform sender reads to carry out a delivery (the ticket as it is now, its card, its
 * people and their identities, a comment), and where it records the platform's ids (threads,
 * cards) so later deliveries and incoming messages find the ticket. Not an actor's operation:
 * the helpdesk itself does this.
 */
export class DeliveryViews {
  constructor(private readonly ctx: ServiceContext) {}

  async forTicket(ticketId: number, commentId?: number): Promise<DeliveryView> {
    return transaction(this.ctx, async (tx) => {
      const ticket = await tx.manager.findOneBy(TicketEntity, { id: ticketId });
      if (!ticket) throw new NotFoundError(`ticket id ${ticketId} does not exist`);
      const comment = commentId ? await tx.manager.findOneBy(CommentEntity, { id: commentId }) : null;
      const ids = [ticket.customerId, ticket.assigneeId, comment?.authorId].filter(
        (id): id is number => typeof id === 'number',
      );
      const people = await this.people(tx.manager, ids);
      const customer = people.get(ticket.customerId)!;
      const assignee = ticket.assigneeId ? (people.get(ticket.assigneeId) ?? null) : null;
      const files = comment ? await tx.manager.findBy(AttachmentEntity, { commentId: comment.id }) : [];
      // Staff see how the customer rated the latest resolution.
      const rating = await currentRating(tx.manager, ticket);
      return {
        ticket,
        customer,
        assignee,
        card: ticketCard(
          ticket,
          { customer: nameOrRole(customer, this.ctx.policy.language), assignee: assignee?.displayName ?? null },
          rating,
          this.ctx.policy.language,
          customer.language,
        ),
        customerCard: ticketCard(
          ticket,
          { customer: nameOrRole(customer, customer.language), assignee: assignee?.displayName ?? null },
          rating,
          customer.language,
        ),
        staffLanguage: this.ctx.policy.language,
        comment: comment
          ? {
              id: comment.id,
              kind: comment.kind,
              body: comment.body,
              author: comment.authorId ? (people.get(comment.authorId) ?? null) : null,
              byCustomer: comment.authorId === ticket.customerId,
              platform: comment.platform,
              platformMessageId: comment.platformMessageId,
              deleted: comment.deletedAt !== null,
              redacted: comment.redactedAt !== null,
              attachments: files.map((f) => ({
                id: f.id,
                filename: f.filename,
                contentType: f.contentType,
                data: f.data,
              })),
            }
          : null,
      };
    });
  }

  async person(personId: number): Promise<PersonView> {
    return transaction(this.ctx, async (tx) => {
      const person = (await this.people(tx.manager, [personId])).get(personId);
      if (!person) throw new NotFoundError(`person ${personId} does not exist`);
      return person;
    });
  }

  /**
   * The delivery with its words written now, in its reader's language: a direct message in the
   * person's, a customer's notice in the customer's, a staff alert in the helpdesk's
   * (`HELPDESK_LANGUAGE`). What the rules planned is a message (key and values) kept beside the
   * English text; a delivery queued by an older build has only the text, and is sent as it is.
   */
  async localized<D extends DeliveryToSay>(delivery: D, options: SayOptions = {}): Promise<D> {
    const message = asMessage(delivery.payload.message);
    const notice = asMessage(delivery.payload.noticeMessage);
    if (!message && !notice) return delivery;
    const language = await this.readerLanguage(delivery);
    return {
      ...delivery,
      payload: {
        ...delivery.payload,
        ...(message ? { text: say(language, message, options) } : {}),
        ...(notice ? { notice: say(language, notice, options) } : {}),
      },
    };
  }

  /**
   * The one person who reads a delivery (a direct message, a customer's notice), as their user id
   * on `platform`, so the adapter can ask the platform their time zone; null for staff channels.
   */
  async readerUserId(delivery: DeliveryToSay, platform: Platform): Promise<string | null> {
    const personId = /^person:(\d+)$/.exec(delivery.destination)?.[1];
    const toCustomer =
      delivery.kind === 'ticket.created' ||
      (delivery.kind === 'ticket.notice' && delivery.payload.audience === 'customer');
    let rows: Array<{ user_id: string }> = [];
    if (personId)
      rows = await this.ctx.dataSource.query(
        `SELECT platform_user_id AS user_id FROM identity WHERE person_id = $1 AND platform = $2`,
        [Number(personId), platform],
      );
    else if (toCustomer && delivery.ticketId !== null)
      rows = await this.ctx.dataSource.query(
        `SELECT i.platform_user_id AS user_id FROM ticket t JOIN identity i ON i.person_id = t.customer_id
          WHERE t.id = $1 AND i.platform = $2`,
        [delivery.ticketId, platform],
      );
    return rows[0]?.user_id ?? null;
  }

  /** Who reads a delivery, and so its language. */
  async readerLanguage(delivery: DeliveryToSay): Promise<Language> {
    const policyLanguage = this.ctx.policy.language;
    const personId = /^person:(\d+)$/.exec(delivery.destination)?.[1];
    const toCustomer =
      delivery.kind === 'ticket.created' ||
      (delivery.kind === 'ticket.notice' && delivery.payload.audience === 'customer');
    let rows: Array<{ language: string | null }> = [];
    if (personId)
      rows = await this.ctx.dataSource.query(`SELECT language FROM person WHERE id = $1`, [Number(personId)]);
    else if (toCustomer && delivery.ticketId !== null)
      rows = await this.ctx.dataSource.query(
        `SELECT p.language FROM ticket t JOIN person p ON p.id = t.customer_id WHERE t.id = $1`,
        [delivery.ticketId],
      );
    // Staff channels, and the ticket's staff side, read the helpdesk's language.
    return languageOf(rows[0], policyLanguage);
  }

  /** Merges platform ids into the ticket's location (e.g. { discordThreadId }). */
  async saveLocation(ticketId: number, patch: TicketLocation): Promise<void> {
    await mergeLocation(this.ctx.dataSource.manager, ticketId, patch);
  }

  /**
   * One of the bot's copies of a comment, as soon as the platform has it: a redaction edits it,
   * and a link to it finds the comment. A copy posted again (a retried delivery that the platform
   * answered with the first message) is kept once.
   */
  async saveCommentPost(commentId: number, platform: Platform, channelId: string, messageId: string): Promise<void> {
    await this.ctx.dataSource.query(
      `INSERT INTO comment_post (comment_id, platform, channel_id, message_id, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (platform, message_id) DO NOTHING`,
      [commentId, platform, channelId, messageId, this.ctx.clock.now()],
    );
  }

  /** The bot's copies of a comment on one platform, oldest first. */
  async commentPosts(commentId: number, platform: Platform): Promise<Array<{ channelId: string; messageId: string }>> {
    const rows = await this.ctx.dataSource.manager.find(CommentPostEntity, {
      where: { commentId, platform },
      order: { id: 'ASC' },
    });
    return rows.map((r) => ({ channelId: r.channelId, messageId: r.messageId }));
  }

  /**
   * Forgets what a delivery said once it is done, before the retention job would: an erasure's
   * delivery names the erased person's threads and messages, which nothing else keeps.
   */
  async clearPayload(deliveryId: number): Promise<void> {
    await this.ctx.dataSource.query(`UPDATE delivery SET payload = '{}'::jsonb WHERE id = $1`, [deliveryId]);
  }

  /** The ticket a platform place belongs to (a thread, a DM thread, a card message), if any. */
  async ticketAt(key: string, value: string): Promise<LocatedTicket | null> {
    const rows: Array<{ id: number }> = await this.ctx.dataSource.query(
      `SELECT id FROM ticket WHERE location @> jsonb_build_object($1::text, $2::text) ORDER BY id DESC LIMIT 1`,
      [key, value],
    );
    return rows[0] ? this.ctx.dataSource.manager.findOneBy(TicketEntity, { id: rows[0].id }) : null;
  }

  /** Unresolved tickets of one platform with their locations (to fetch messages missed while down). */
  async openTicketsOn(platform: Platform): Promise<LocatedTicket[]> {
    return this.ctx.dataSource.manager.find(TicketEntity, {
      where: { platform, status: In(['open', 'pending']) },
      order: { id: 'ASC' },
    });
  }

  /** Message ids already stored for a ticket (the newest first), to resume after downtime. */
  async lastMessageId(ticketId: number, platform: Platform): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.ctx.dataSource.query(
      `SELECT platform_message_id AS id FROM comment WHERE ticket_id = $1 AND platform = $2 AND platform_message_id IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
      [ticketId, platform],
    );
    return rows[0]?.id ?? null;
  }

  private async people(manager: import('typeorm').EntityManager, ids: number[]): Promise<Map<number, PersonView>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const persons = await manager.findBy(PersonEntity, { id: In(unique) });
    const identities = await manager.find(IdentityEntity, { where: { personId: In(unique) }, order: { id: 'ASC' } });
    return new Map(
      persons.map((p) => [
        p.id,
        {
          id: p.id,
          displayName: p.displayName,
          isStaff: isStaff(p),
          language: languageOf(p, this.ctx.policy.language),
          identities: identities
            .filter((i) => i.personId === p.id)
            .map((i) => ({ platform: i.platform, userId: i.platformUserId })),
        },
      ]),
    );
  }
}

/** A customer with no display name is called by their role, in the card's language. */
function nameOrRole(person: PersonView, language: Language): string {
  return person.displayName || t(language, 'common.role.customer');
}
