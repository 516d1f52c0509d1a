import { createHash } from 'node:crypto';
import {
  ChannelType,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  RESTJSONErrorCodes,
  Routes,
  type REST,
} from 'discord.js';
import type { Settings } from '../../config';
import { linkAnswerRow } from './buttons/link-answer';
import type { Helpdesk } from '../../core/helpdesk';
import type { CommentView, DeliveryView } from '../../core/services/delivery-view';
import type { ErasedPlaces } from '../../core/services/erasure';
import { discordPlace, storedDiscordPlace, type DiscordPlace } from '../../core/location';
import {
  PermanentDeliveryError,
  RateLimitedError,
  TemporaryDeliveryError,
  type OutgoingDelivery,
  type Sender,
  type SendOptions,
} from '../../delivery/sender';
import { textsFor, type Language } from '../../core/texts';
import { discordIdentity } from './actor';
import { claimRow, ratingRow, renderCard } from './card';
import { MESSAGE_MAX } from './format';
import {
  eraseDirectMessagesOnDiscord,
  eraseTicketOnDiscord,
  queueText,
  redactTicketOnDiscord,
  redrawQueuePost,
} from './privacy-sender';
import { sendProposalAlert } from './proposal-alert';
import { EarlierPosts } from './post-once';

/** One send's means: the dispatcher's (abort signal, recording) and the delivery itself. */
interface DiscordSend extends SendOptions {
  delivery: OutgoingDelivery;
}

type Post = (channelId: string, body: Record<string, unknown>, step: string) => Promise<{ id: string }>;

/** How the bot's copy of a comment reads; a redaction edits a copy to the same words around the replacement. */
function copyText(comment: CommentView, view: Pick<DeliveryView, 'staffLanguage' | 'customer'>): string {
  // A note is read by staff (the helpdesk's language); a public copy by the customer too, in theirs.
  const say = textsFor(comment.kind === 'internal' ? view.staffLanguage : view.customer.language);
  const text =
    comment.kind === 'internal'
      ? `${say('card.noteFrom', { name: `**${comment.author?.displayName || say('card.staff')}:**` })} ${comment.body}`
      : `**${comment.author?.displayName || say('card.support')}:** ${comment.body}`;
  return text.slice(0, MESSAGE_MAX);
}

/** A short digest of a drawn card, to tell whether an edit would change anything. */
function cardFingerprint(card: unknown): string {
  return createHash('sha1').update(JSON.stringify(card)).digest('base64url');
}

/**
 * Carries out the delivery queue on Discord, one REST attempt per step. Steps that create things
 * (the thread, the card, the queue post, the staff thread) save their ids as soon as they exist,
 * so a delivery retried after a partial failure resumes instead of creating them twice; messages
 * carry a nonce keyed on the delivery so a resend after a lost lease is dropped by Discord.
 */
export class DiscordSender implements Sender {
  readonly platform = 'discord' as const;
  private readonly earlier: EarlierPosts;

  constructor(
    readonly rest: REST,
    private readonly helpdesk: Helpdesk,
    readonly settings: Pick<Settings, 'DISCORD_SUPPORT_CHANNEL_ID' | 'DISCORD_STAFF_CHANNEL_ID' | 'DISCORD_GUILD_ID'>,
  ) {
    this.earlier = new EarlierPosts(rest);
  }

  async send(delivery: OutgoingDelivery, options: SendOptions): Promise<void> {
    try {
      // Its words are written now, in its reader's language (a notice planned at night, read by day).
      const said = await this.helpdesk.deliveries.localized(delivery);
      await this.carryOut(said, { ...options, delivery: said });
    } catch (error) {
      throw asDeliveryError(error);
    }
  }

  private async carryOut(delivery: OutgoingDelivery, io: DiscordSend): Promise<void> {
    const { signal } = io;
    const record = io.record;
    const payload = delivery.payload;
    // Within the nonce window Discord itself answers a resend with the first message; past it, we look.
    const post = async (channelId: string, body: Record<string, unknown>, step: string) => {
      if (this.earlier.needsLookUp(delivery)) {
        const found = await this.earlier.message(channelId, delivery, body, signal);
        if (found) return found;
      }
      return (await this.rest.post(Routes.channelMessages(channelId), {
        body: {
          ...body,
          nonce: `${delivery.id}${step}`.slice(0, 25),
          enforce_nonce: true,
          allowed_mentions: { parse: [] },
        },
        signal,
      })) as { id: string };
    };
    if (delivery.kind === 'person.dm') return this.directMessage(delivery, post, signal);
    if (delivery.kind === 'person.erased') {
      await eraseDirectMessagesOnDiscord(this, String(payload.userId), signal);
      return record(() => this.helpdesk.deliveries.clearPayload(delivery.id));
    }
    if (delivery.kind === 'staff.alert') return this.staffAlert(payload, post);
    if (delivery.kind === 'major.proposal')
      return sendProposalAlert(this.helpdesk, this.rest, this.settings.DISCORD_STAFF_CHANNEL_ID, delivery, post, io);
    if (delivery.ticketId === null) throw new PermanentDeliveryError('no_ticket', `${delivery.kind} without a ticket`);
    const commentId = typeof payload.commentId === 'number' ? payload.commentId : undefined;
    const view = await this.helpdesk.deliveries.forTicket(delivery.ticketId, commentId);

    switch (delivery.kind) {
      case 'ticket.created':
        return this.createThread(view, typeof payload.notice === 'string' ? payload.notice : undefined, post, io);
      case 'ticket.card':
        return this.updateCard(view, io);
      case 'ticket.member': {
        const person = await this.helpdesk.deliveries.person(Number(payload.personId));
        const members = discordPlace(view.ticket.location).threadMembers;
        const userId = discordIdentity(person.identities);
        // Usually already there: the thread was made with the assignee the opening chose.
        if (!userId || members.includes(userId)) return;
        await this.addMember(view, userId, signal);
        await record(() =>
          this.helpdesk.deliveries.saveLocation(
            view.ticket.id,
            storedDiscordPlace({ threadMembers: [...members, userId] }),
          ),
        );
        return;
      }
      case 'ticket.notice': {
        if (payload.audience !== 'customer') return;
        // A resolution's notice asks for a rating: the 1–5 buttons sit under it, in the customer's thread.
        const rating = payload.askRating === true ? { components: ratingRow(view.ticket.number) } : {};
        await post(this.threadOf(view), { content: String(payload.text), ...rating }, 'n');
        return this.archiveIfResolved(view, io);
      }
      case 'comment.public': {
        const comment = view.comment;
        // A message written in the thread is already there; only comments from elsewhere are posted
        // (a command, Slack, or the old ticket's thread whose late reply opened this follow-up).
        const writtenHere =
          comment?.platform === 'discord' && comment.platformMessageId && payload.writtenInTicketId === undefined;
        if (!comment || comment.deleted || writtenHere) return;
        return this.postCopy(view, comment, this.threadOf(view), 'c', post, io);
      }
      case 'comment.internal': {
        const comment = view.comment;
        if (!comment) return;
        return this.postCopy(view, comment, await this.staffThread(view, io), 'i', post, io);
      }
      case 'comment.redacted':
        return this.redactComment(view, payload, post, signal);
      case 'ticket.redacted':
        await redactTicketOnDiscord(this, view, signal, () => this.updateCard(view, io));
        return redrawQueuePost(this, view, signal);
      case 'ticket.erased': {
        const { refused } = await eraseTicketOnDiscord(this, payload as ErasedPlaces, signal);
        // What was taken off is not kept once it is gone (see ErasedPlaces).
        await record(() => this.helpdesk.deliveries.clearPayload(delivery.id));
        if (refused.length === 0) return;
        return this.staffAlert(
          {
            text: textsFor(view.staffLanguage)('notify.threadsNotDeleted', {
              number: view.ticket.number,
              threads: refused.map((id) => `<#${id}>`).join(', '),
            }),
          },
          post,
        );
      }
      default:
        throw new PermanentDeliveryError('unknown_kind', `Discord does not deliver ${delivery.kind}`);
    }
  }

  /** The bot's copy of a comment, recorded as soon as it exists so a redaction can edit it. */
  private async postCopy(
    view: DeliveryView,
    comment: CommentView,
    channelId: string,
    step: string,
    post: Post,
    io: DiscordSend,
  ): Promise<void> {
    const copy = await post(channelId, { content: copyText(comment, view) }, step);
    await io.record(() => this.helpdesk.deliveries.saveCommentPost(comment.id, 'discord', channelId, copy.id));
  }

  /**
   * Takes a redacted comment's text off Discord: the bot's copies are edited to the replacement,
   * and the message a person wrote is deleted, which needs Manage Messages. Refused that, the staff
   * channel hears which message to delete by hand, and the delivery fails for good instead of
   * retrying what Discord will keep refusing.
   */
  private async redactComment(
    view: DeliveryView,
    payload: Record<string, unknown>,
    post: Post,
    signal: AbortSignal,
  ): Promise<void> {
    const comment = view.comment;
    if (!comment?.redacted) return;
    for (const copy of await this.helpdesk.deliveries.commentPosts(comment.id, 'discord')) {
      await this.changeInThread(copy.channelId, signal, () =>
        this.rest.patch(Routes.channelMessage(copy.channelId, copy.messageId), {
          body: { content: copyText(comment, view), allowed_mentions: { parse: [] } },
          signal,
        }),
      );
    }
    if (comment.platform !== 'discord' || !comment.platformMessageId) return;
    const messageId = comment.platformMessageId;
    const channelId = await this.channelOfOriginal(view, comment, payload);
    if (!channelId)
      throw new PermanentDeliveryError(
        'no_thread',
        `ticket #${view.ticket.number}: the thread of comment ${comment.id} is not known`,
      );
    try {
      await this.changeInThread(channelId, signal, () =>
        this.rest.delete(Routes.channelMessage(channelId, messageId), { signal }),
      );
    } catch (error) {
      if (!(
        error instanceof DiscordAPIError &&
        (error.status === 403 || error.code === RESTJSONErrorCodes.MissingPermissions)
      ))
        throw error;
      const where = this.settings.DISCORD_GUILD_ID
        ? `https://discord.com/channels/${this.settings.DISCORD_GUILD_ID}/${channelId}/${messageId}`
        : textsFor(view.staffLanguage)('notify.messageIn', { id: messageId, channel: `<#${channelId}>` });
      await this.staffAlert(
        {
          text: textsFor(view.staffLanguage)('notify.originalNotDeleted', { number: view.ticket.number, where }),
        },
        post,
      );
      throw new PermanentDeliveryError(
        'missing_permissions',
        `could not delete the original of redacted comment ${comment.id}: ${error.message}`,
      );
    }
  }

  /** Where a person wrote a comment: its ticket's thread (or, for a late reply that opened a follow-up, the old ticket's), or the staff thread for a note. */
  private async channelOfOriginal(
    view: DeliveryView,
    comment: CommentView,
    payload: Record<string, unknown>,
  ): Promise<string | undefined> {
    if (comment.kind === 'internal') return discordPlace(view.ticket.location).staffThreadId;
    const writtenIn = Number(payload.writtenInTicketId);
    const ticket =
      Number.isInteger(writtenIn) && writtenIn > 0
        ? (await this.helpdesk.deliveries.forTicket(writtenIn)).ticket
        : view.ticket;
    return discordPlace(ticket.location).threadId;
  }

  /**
   * An edit or deletion of a message in a thread. A thread archived (by the helpdesk on resolving,
   * or by Discord when idle) takes none: it is opened for the change and archived again. A message
   * or thread already gone needs nothing more.
   */
  private async changeInThread(channelId: string, signal: AbortSignal, change: () => Promise<unknown>): Promise<void> {
    const gone = (error: unknown) => {
      if (
        error instanceof DiscordAPIError &&
        (error.code === RESTJSONErrorCodes.UnknownMessage || error.code === RESTJSONErrorCodes.UnknownChannel)
      )
        return;
      throw error;
    };
    try {
      await change();
      return;
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InvalidActionOnArchivedThread))
        return gone(error);
    }
    await this.rest.patch(Routes.channel(channelId), { body: { archived: false }, signal });
    try {
      await change().catch(gone);
    } finally {
      await this.rest.patch(Routes.channel(channelId), { body: { archived: true }, signal });
    }
  }

  /**
   * The private thread with the customer and the assignee, the card (carrying the customer's
   * "opened" notice as its text, one message instead of two), and the queue post when nobody has it.
   */
  private async createThread(
    view: DeliveryView,
    notice: string | undefined,
    post: Post,
    io: DiscordSend,
  ): Promise<void> {
    const { signal } = io;
    const { ticket } = view;
    const place = discordPlace(ticket.location);
    let threadId = place.threadId;
    if (!threadId) {
      // `/helpdesk setup` once run, else the environment's.
      const supportChannel = await this.helpdesk.settings.get(
        'discord.support_channel',
        this.settings.DISCORD_SUPPORT_CHANNEL_ID,
      );
      if (!supportChannel)
        throw new PermanentDeliveryError(
          'no_support_channel',
          'no support channel: run /helpdesk setup or set DISCORD_SUPPORT_CHANNEL_ID',
        );
      const name = `#${ticket.number} ${ticket.title}`.slice(0, 100);
      const thread =
        (await this.earlierThread(supportChannel, name, io)) ??
        ((await this.rest.post(Routes.threads(supportChannel), {
          body: { name, type: ChannelType.PrivateThread, invitable: false, auto_archive_duration: 10080 },
          signal,
        })) as { id: string });
      threadId = thread.id;
      const saved = storedDiscordPlace({ threadId });
      await io.record(() => this.helpdesk.deliveries.saveLocation(ticket.id, saved));
      ticket.location = { ...ticket.location, ...saved };
    }
    // The customer and the assignee (one call when they are the same person: staff opening their own ticket).
    const members = new Set(place.threadMembers);
    for (const userId of [
      discordIdentity(view.customer.identities),
      view.assignee && discordIdentity(view.assignee.identities),
    ]) {
      if (!userId || members.has(userId)) continue;
      await this.addMember(view, userId, signal);
      members.add(userId);
    }
    // What the card, the members and the reply's link leave behind is saved in one statement: a
    // crash before it posts the card again with the same nonce, which Discord drops as a resend.
    const saved: Parameters<typeof storedDiscordPlace>[0] = {};
    if (!place.cardMessageId) {
      const drawnCard = renderCard(view.card, ticket.number);
      // Card edits send only the embed and buttons, so the notice stays as the message's text.
      const card = await post(threadId, notice ? { content: notice.slice(0, 2000), ...drawnCard } : drawnCard, 'k');
      Object.assign(saved, { cardMessageId: card.id, cardDrawn: cardFingerprint(drawnCard) });
    }
    if ([...members].join(',') !== place.threadMembers.join(',')) saved.threadMembers = [...members];
    if (await this.linkPrivateReply(place, threadId, view.customer.language, signal)) saved.interactionToken = null;
    if (Object.keys(saved).length > 0)
      await io.record(() => this.helpdesk.deliveries.saveLocation(ticket.id, storedDiscordPlace(saved)));
    const staffChannel = this.settings.DISCORD_STAFF_CHANNEL_ID;
    if (!ticket.assigneeId && staffChannel && !place.queueMessageId) {
      const queued = await post(
        staffChannel,
        {
          content: queueText(ticket, view.staffLanguage),
          components: claimRow(ticket.number, textsFor(view.staffLanguage)),
        },
        'q',
      );
      await io.record(() =>
        this.helpdesk.deliveries.saveLocation(ticket.id, storedDiscordPlace({ queueMessageId: queued.id })),
      );
    }
  }

  /**
   * Edits the customer's private "your ticket is open" reply to link the thread, while the
   * interaction's token lives. Best effort: an expired token only means the reply keeps its text.
   * True when the token was used (the caller clears it: it is not kept once used).
   */
  private async linkPrivateReply(
    place: DiscordPlace,
    threadId: string,
    language: Language,
    signal: AbortSignal,
  ): Promise<boolean> {
    const token = place.interactionToken;
    const applicationId = place.applicationId;
    if (!token || !applicationId) return false;
    await this.rest
      .patch(Routes.webhookMessage(applicationId, token, '@original'), {
        body: { content: textsFor(language)('card.threadOpen', { thread: `<#${threadId}>` }) },
        auth: false,
        signal,
      })
      .catch(() => undefined);
    return true;
  }

  private async updateCard(view: DeliveryView, io: DiscordSend): Promise<void> {
    const { signal } = io;
    const threadId = this.threadOf(view);
    const place = discordPlace(view.ticket.location);
    const cardId = place.cardMessageId;
    // The card is drawn from the ticket as it is now, so an edit queued for a change the card
    // already shows (an assignment made with the opening) is skipped: rate limits are shared.
    const card = renderCard(view.card, view.ticket.number);
    const drawn = cardFingerprint(card);
    const edit = Boolean(cardId) && place.cardDrawn !== drawn;
    // An archived thread takes no edits: bring it back first when the ticket is open again, or for
    // the moment of an edit to a resolved ticket's card (its rating); archiveIfResolved closes it again.
    if ((view.ticket.status !== 'resolved' || edit) && place.threadArchived) {
      await this.rest.patch(Routes.channel(threadId), { body: { archived: false }, signal });
      await io.record(() =>
        this.helpdesk.deliveries.saveLocation(view.ticket.id, storedDiscordPlace({ threadArchived: false })),
      );
    }
    if (cardId && edit) {
      await this.rest.patch(Routes.channelMessage(threadId, cardId), { body: card, signal });
      await io.record(() =>
        this.helpdesk.deliveries.saveLocation(view.ticket.id, storedDiscordPlace({ cardDrawn: drawn })),
      );
    }
    await this.archiveIfResolved(view, io);
  }

  private async archiveIfResolved(view: DeliveryView, io: DiscordSend): Promise<void> {
    if (view.ticket.status !== 'resolved') return;
    await this.rest.patch(Routes.channel(this.threadOf(view)), { body: { archived: true }, signal: io.signal });
    await io.record(() =>
      this.helpdesk.deliveries.saveLocation(view.ticket.id, storedDiscordPlace({ threadArchived: true })),
    );
  }

  /** Someone without a Discord identity (a Slack-only supporter) can't join a Discord thread, so callers skip them. */
  private async addMember(view: DeliveryView, userId: string, signal: AbortSignal): Promise<void> {
    await this.rest.put(Routes.threadMembers(this.threadOf(view), userId), { signal });
  }

  /** The ticket's thread in the staff channel, where its internal notes go; made on first use. */
  private async staffThread(view: DeliveryView, io: DiscordSend): Promise<string> {
    const { signal } = io;
    const existing = discordPlace(view.ticket.location).staffThreadId;
    if (existing) return existing;
    const staffChannel = this.settings.DISCORD_STAFF_CHANNEL_ID;
    if (!staffChannel) throw new PermanentDeliveryError('no_staff_channel', 'DISCORD_STAFF_CHANNEL_ID is not set');
    const heading = `#${view.ticket.number} ${view.ticket.title}`;
    const name = textsFor(view.staffLanguage)('card.notesThread', { heading }).slice(0, 100);
    const thread =
      (await this.earlierThread(staffChannel, name, io)) ??
      ((await this.rest.post(Routes.threads(staffChannel), {
        body: { name, type: ChannelType.PublicThread, auto_archive_duration: 10080 },
        signal,
      })) as { id: string });
    await io.record(() =>
      this.helpdesk.deliveries.saveLocation(view.ticket.id, storedDiscordPlace({ staffThreadId: thread.id })),
    );
    return thread.id;
  }

  /** SLA warnings nobody is assigned to hear, breaches and major incidents, in the staff-only channel (customers never see it). */
  private async staffAlert(payload: Record<string, unknown>, post: Post): Promise<void> {
    const staffChannel = this.settings.DISCORD_STAFF_CHANNEL_ID;
    if (!staffChannel) throw new PermanentDeliveryError('no_staff_channel', 'DISCORD_STAFF_CHANNEL_ID is not set');
    await post(staffChannel, { content: String(payload.text).slice(0, 2000) }, 'a');
  }

  private async directMessage(delivery: OutgoingDelivery, post: Post, signal: AbortSignal): Promise<void> {
    const personId = Number(delivery.destination.replace(/^person:/, ''));
    const person = await this.helpdesk.deliveries.person(personId);
    const userId = discordIdentity(person.identities);
    if (!userId) throw new PermanentDeliveryError('no_identity', `person ${personId} has no Discord identity`);
    const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId }, signal })) as {
      id: string;
    };
    await post(
      channel.id,
      {
        content: String(delivery.payload.text),
        // A link code's owner answers its redemption here.
        ...(typeof delivery.payload.linkCode === 'string'
          ? { components: linkAnswerRow(delivery.payload.linkCode, textsFor(person.language)) }
          : {}),
      },
      'd',
    );
  }

  /**
   * A thread an earlier attempt of this delivery created but could not record: looked for by name
   * among the guild's active threads before a second is made (threads take no nonce).
   */
  private async earlierThread(parentId: string, name: string, io: DiscordSend): Promise<{ id: string } | undefined> {
    const guildId = this.settings.DISCORD_GUILD_ID;
    if (!guildId || !io.delivery.mayHaveBeenSent) return undefined;
    return this.earlier.thread(guildId, parentId, name, io.signal);
  }

  private threadOf(view: DeliveryView): string {
    const threadId = discordPlace(view.ticket.location).threadId;
    // Only reachable when the ticket was made before its thread: ticket.created always goes first.
    if (!threadId) throw new TemporaryDeliveryError(`ticket #${view.ticket.number} has no Discord thread yet`);
    return threadId;
  }
}

/** Discord refusals that no retry will fix, by the code the dispatcher records for them. */
const PERMANENT_REASONS = new Map<number, string>([
  [RESTJSONErrorCodes.UnknownChannel, 'channel_gone'],
  [RESTJSONErrorCodes.UnknownMessage, 'message_gone'],
  [RESTJSONErrorCodes.UnknownUser, 'user_gone'],
  [RESTJSONErrorCodes.MissingAccess, 'missing_access'],
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser, 'dms_closed'],
  [RESTJSONErrorCodes.MissingPermissions, 'missing_permissions'],
  [RESTJSONErrorCodes.InvalidActionOnArchivedThread, 'thread_archived'],
]);

/** Discord's answers in the dispatcher's terms: 429 waits, 5xx and the network retry, other refusals are final. */
export function asDeliveryError(error: unknown): unknown {
  if (
    error instanceof RateLimitedError ||
    error instanceof PermanentDeliveryError ||
    error instanceof TemporaryDeliveryError
  )
    return error;
  if (error instanceof RateLimitError) return new RateLimitedError(Math.max(1, Math.ceil(error.retryAfter)));
  if (error instanceof DiscordAPIError) {
    if (error.status >= 500) return new TemporaryDeliveryError(`Discord answered ${error.status}`, { cause: error });
    const reason = PERMANENT_REASONS.get(Number(error.code));
    return new PermanentDeliveryError(reason ?? `http_${error.status}`, error.message);
  }
  if (error instanceof HTTPError)
    return new TemporaryDeliveryError(`Discord answered ${error.status}`, { cause: error });
  return new TemporaryDeliveryError(error instanceof Error ? error.message : String(error), { cause: error });
}
