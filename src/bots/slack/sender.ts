import { createHash } from 'node:crypto';
import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Helpdesk } from '../../core/helpdesk';
import { sendProposalAlert } from './proposal-alert';
import type { CommentView, DeliveryView, PersonView } from '../../core/services/delivery-view';
import type { ErasedPlaces } from '../../core/services/erasure';
import {
  PermanentDeliveryError,
  RateLimitedError,
  TemporaryDeliveryError,
  type OutgoingDelivery,
  type Sender,
  type SendOptions,
} from '../../delivery/sender';
import type { KnownBlock } from '@slack/types';
import { customerCardBlocks, linkPromptBlocks, ratingRequestBlocks, staffAlertBlocks, staffCardBlocks } from './blocks';
import { messageId, messageRef } from './context';
import { escapeMrkdwn, slackTextAsMrkdwn } from './mrkdwn';
import { deleteOwnDirectMessages, deleteOwnPosts } from './privacy-sender';
import type { HomeRefresher } from './home-refresher';
import { t, textsFor } from '../../core/texts';
import { postOnce, type Posted, type SlackPost } from './post-once';
import { slackPlace, storedSlackPlace, type SlackPlace } from '../../core/location';
import { SlackApiError } from './api-errors';
import { fitText } from '../../core/rules/fit';
import { SlackTimeZones } from './time-zones';

/** One send's means: the dispatcher's (abort signal, recording) and posting each step of the delivery once. */
interface SlackSend extends SendOptions {
  post(step: string, message: SlackPost): Promise<Posted>;
}

/** Slack errors that no retry will fix: the dispatcher marks the delivery failed with this code. */
const PERMANENT = new Set<string>([
  SlackApiError.ChannelNotFound,
  SlackApiError.NotInChannel,
  SlackApiError.IsArchived,
  SlackApiError.CannotDmBot,
  SlackApiError.UserNotFound,
  SlackApiError.UserDisabled,
  SlackApiError.AccountInactive,
  SlackApiError.InvalidAuth,
  SlackApiError.NotAuthed,
  SlackApiError.TokenRevoked,
  SlackApiError.MissingScope,
  SlackApiError.MsgTooLong,
  SlackApiError.InvalidBlocks,
  SlackApiError.MessageNotFound,
  SlackApiError.CantUpdateMessage,
]);

/**
 * Carries the delivery queue to Slack: the card in the support channel (its thread is the staff's
 * side), the customer's DM thread, and the mirroring between them. One attempt per call (WebClient
 * retries are off); failures are translated for the dispatcher, which owns retrying.
 */
export class SlackSender implements Sender {
  readonly platform = 'slack' as const;

  constructor(
    private readonly client: WebClient,
    private readonly helpdesk: Helpdesk,
    /** `SLACK_SUPPORT_CHANNEL`: the support channel until an admin sets one with `/helpdesk setup`. */
    private readonly configuredChannel: string | undefined,
    private readonly homes: HomeRefresher,
    /** Readers' time zones, shared with the listeners (see SlackTimeZones). */
    private readonly timeZones: SlackTimeZones = new SlackTimeZones(client),
  ) {}

  /** The support channel: the one set with `/helpdesk setup`, else `SLACK_SUPPORT_CHANNEL`. */
  private supportChannel(): Promise<string | undefined> {
    return this.helpdesk.settings.get('slack.support_channel', this.configuredChannel);
  }

  async send(planned: OutgoingDelivery, options: SendOptions): Promise<void> {
    try {
      // Its words are written now, in its reader's language (a notice planned at night, read by day),
      // its dates and times in the reader's time zone as their Slack profile gives it.
      const timeZone = await this.readerTimeZone(planned);
      const delivery = await this.helpdesk.deliveries.localized(planned, timeZone ? { timeZone } : {});
      await this.carryOut(delivery, {
        ...options,
        post: (step, message) => postOnce(this.client, delivery, step, message),
      });
    } catch (error) {
      throw translate(error);
    }
  }

  /** The time zone of the one person a delivery is for, when Slack tells it; none for staff channels. */
  private async readerTimeZone(delivery: OutgoingDelivery): Promise<string | undefined> {
    const userId = await this.helpdesk.deliveries.readerUserId(delivery, 'slack');
    return userId ? this.timeZones.of(userId) : undefined;
  }

  private async carryOut(delivery: OutgoingDelivery, io: SlackSend): Promise<void> {
    const payload = delivery.payload;
    if (delivery.kind === 'person.dm') {
      const personId = Number(delivery.destination.split(':')[1]);
      const person = await this.helpdesk.deliveries.person(personId);
      const text = escapeMrkdwn(String(payload.text));
      // A link code's owner answers its redemption with the buttons under the prompt.
      if (typeof payload.linkCode === 'string')
        return this.dm(person, text, io, linkPromptBlocks(textsFor(person.language), text, payload.linkCode));
      return this.dm(person, text, io);
    }
    if (delivery.kind === 'staff.alert') return this.alertStaff(payload, io);
    if (delivery.kind === 'major.proposal')
      return sendProposalAlert(this.helpdesk, this.client, await this.supportChannel(), delivery, io);
    if (delivery.kind === 'person.erased') {
      await deleteOwnDirectMessages(this.client, String(payload.userId));
      return io.record(() => this.helpdesk.deliveries.clearPayload(delivery.id));
    }
    if (!delivery.ticketId || delivery.kind === 'ticket.member') return; // Slack threads have no members to add.
    const commentId = typeof payload.commentId === 'number' ? payload.commentId : undefined;
    const view = await this.helpdesk.deliveries.forTicket(delivery.ticketId, commentId);
    const place = slackPlace(view.ticket.location);
    switch (delivery.kind) {
      case 'ticket.created':
        await this.postTicket(view, place, io);
        if (place.sourceReply === 'wanted') await this.replyOnSource(view, place, io);
        // The customer's "opened" notice comes with the ticket (no delivery of its own), in their DM thread.
        if (typeof payload.notice === 'string')
          await this.inDmThread(place, escapeMrkdwn(payload.notice), io, 'notice');
        // The opening's assignment sends no card update of its own (the card is drawn with it), so the Homes are refreshed here.
        await this.refreshHomes(view);
        return;
      case 'ticket.card':
        if (await this.updateCards(view, place, io)) this.refreshHomes(view);
        return;
      case 'ticket.notice': {
        const text = escapeMrkdwn(String(payload.text));
        // A resolution's notice asks for a rating: 1–5 under it, in the customer's DM thread.
        if (payload.audience === 'customer')
          await this.inDmThread(
            place,
            text,
            io,
            'notice',
            payload.askRating === true ? ratingRequestBlocks(text, view.ticket.number) : undefined,
          );
        else await this.inCardThread(place, text, io, 'notice');
        return;
      }
      case 'comment.public':
        return this.mirrorComment(view, place, payload.writtenInTicketId !== undefined, io);
      case 'comment.internal':
        return this.postNote(view, place, io);
      case 'comment.redacted':
        return this.editCopies(view, place);
      case 'ticket.redacted':
        // The card and the top of the DM thread show the title and description: redrawn from the ticket as it is now.
        if (await this.updateCards(view, place, io)) this.refreshHomes(view);
        return;
      case 'ticket.erased':
        await deleteOwnPosts(this.client, payload as ErasedPlaces);
        // What was taken off is not kept once it is gone (see ErasedPlaces).
        return io.record(() => this.helpdesk.deliveries.clearPayload(delivery.id));
      default:
        return;
    }
  }

  /** The card in the support channel, then the customer's DM thread; each saved as soon as it exists, so a retry skips it. */
  private async postTicket(view: DeliveryView, place: SlackPlace, io: SlackSend): Promise<void> {
    const number = view.ticket.number;
    const staffCard = staffCardBlocks(view.card, number);
    const customerCard = customerCardBlocks(view.customerCard, number);
    // Both drawn now from this view: the first redraw that would repeat them is skipped (see updateCards).
    let cardPostedNow = false;
    if (!place.cardTs) {
      const supportChannel = await this.supportChannel();
      if (!supportChannel) throw new PermanentDeliveryError('no_support_channel', 'SLACK_SUPPORT_CHANNEL is not set');
      const posted = await io.post('card', {
        channel: supportChannel,
        text: escapeMrkdwn(view.card.heading),
        blocks: staffCard,
      });
      cardPostedNow = !posted.earlier;
      const card = { cardTs: posted.ts, channel: posted.channel };
      Object.assign(place, card);
      await io.record(() => this.helpdesk.deliveries.saveLocation(view.ticket.id, storedSlackPlace(card)));
    }
    if (io.signal.aborted) throw new TemporaryDeliveryError('lease ran out before the DM was posted');
    if (!place.dmThreadTs) {
      const dmChannel = await this.openDm(view.customer);
      const posted = await io.post('dm-card', {
        channel: dmChannel,
        text: textsFor(view.customer.language)('card.yourTicket', { heading: escapeMrkdwn(view.card.heading) }),
        blocks: customerCard,
      });
      place.dmChannel = posted.channel;
      place.dmThreadTs = posted.ts;
      // A card posted by an earlier try may show an older ticket: then no digest, and the next redraw draws it.
      const saved: Parameters<typeof storedSlackPlace>[0] = {
        dmChannel: place.dmChannel,
        dmThreadTs: place.dmThreadTs,
      };
      if (cardPostedNow && !posted.earlier) saved.cardsDrawn = cardsDigest(view.card.heading, staffCard, customerCard);
      await io.record(() => this.helpdesk.deliveries.saveLocation(view.ticket.id, storedSlackPlace(saved)));
    }
  }

  /**
   * The message a reaction made a ticket of gets a threaded reply with its number, in the helpdesk's
   * language (the channel is everyone's). A channel the app has left since is no reason to retry.
   */
  private async replyOnSource(view: DeliveryView, place: SlackPlace, io: SlackSend): Promise<void> {
    if (!place.sourceChannel || !place.sourceTs) return;
    const text = t(this.helpdesk.ctx.policy.language, 'waysIn.sourceReply', { number: view.ticket.number });
    let reply: string;
    try {
      reply = (await io.post('source-reply', { channel: place.sourceChannel, thread_ts: place.sourceTs, text })).ts;
    } catch (error) {
      const translated = translate(error);
      if (!(translated instanceof PermanentDeliveryError)) throw translated;
      reply = 'refused';
    }
    place.sourceReply = reply;
    await io.record(() => this.helpdesk.deliveries.saveLocation(view.ticket.id, { slackSourceReply: reply }));
  }

  /**
   * Redraws the card and the top of the DM thread; false when they already show this. The cards
   * are drawn from the ticket as it is at send time, so of the refreshes one change queues (an
   * escalation and the assignment it makes) the later ones would repeat the first, and chat.update
   * has a low rate limit.
   */
  private async updateCards(view: DeliveryView, place: SlackPlace, io: SlackSend): Promise<boolean> {
    const number = view.ticket.number;
    const staffCard = staffCardBlocks(view.card, number);
    const customerCard = customerCardBlocks(view.customerCard, number);
    const drawn = cardsDigest(view.card.heading, staffCard, customerCard);
    if (place.cardsDrawn === drawn) return false;
    if (place.channel && place.cardTs) {
      await this.client.chat.update({
        channel: place.channel,
        ts: place.cardTs,
        text: escapeMrkdwn(view.card.heading),
        blocks: staffCard,
      });
    }
    if (place.dmChannel && place.dmThreadTs) {
      await this.client.chat.update({
        channel: place.dmChannel,
        ts: place.dmThreadTs,
        text: textsFor(view.customer.language)('card.yourTicket', { heading: escapeMrkdwn(view.card.heading) }),
        blocks: customerCard,
      });
    }
    await io.record(() =>
      this.helpdesk.deliveries.saveLocation(view.ticket.id, storedSlackPlace({ cardsDrawn: drawn })),
    );
    return true;
  }

  /**
   * The App Home of the ticket's customer and assignee shows the change. Asked of the refresher,
   * not done here: the card is what the delivery is for, and a Home (best effort; the person may
   * never have opened it) is redrawn once for many changes in a row.
   */
  private refreshHomes(view: DeliveryView): void {
    for (const person of [view.customer, view.assignee]) {
      const identity = person?.identities.find((i) => i.platform === 'slack');
      if (identity) this.homes.refresh(identity.userId);
    }
  }

  /**
   * A comment goes to the side it did not come from; one typed elsewhere (a command, Discord) goes
   * to both, and so does the late reply in an old ticket's DM thread that opened this follow-up:
   * it shares the DM channel but not the thread. Each copy is recorded as soon as it is posted, so
   * a redaction can edit it.
   */
  private async mirrorComment(
    view: DeliveryView,
    place: SlackPlace,
    writtenInAnotherTicket: boolean,
    io: SlackSend,
  ): Promise<void> {
    const comment = view.comment;
    if (!comment || comment.deleted) return;
    const from = comment.platform === 'slack' && !writtenInAnotherTicket ? comment.platformMessageId : null;
    const cameFrom = (channel?: string, thread?: string) =>
      Boolean(from && channel && thread && from.startsWith(`${channel}:`));
    if (!cameFrom(place.dmChannel, place.dmThreadTs)) {
      const posted = await this.inDmThread(
        place,
        copyText(comment, 'dm', view),
        io,
        'dm',
        undefined,
        await this.as(comment),
      );
      await this.recordCopy(comment, posted, io);
    }
    if (!cameFrom(place.channel, place.cardTs)) {
      await this.recordCopy(comment, await this.inCardThread(place, copyText(comment, 'card', view), io, 'card'), io);
    }
  }

  /** Internal notes stay in the channel thread; one written there already is where it belongs. */
  private async postNote(view: DeliveryView, place: SlackPlace, io: SlackSend): Promise<void> {
    const comment = view.comment;
    if (
      !comment ||
      (comment.platformMessageId && place.channel && comment.platformMessageId.startsWith(`${place.channel}:`))
    )
      return;
    await this.recordCopy(comment, await this.inCardThread(place, copyText(comment, 'card', view), io, 'card'), io);
  }

  private async recordCopy(
    comment: CommentView,
    posted: { channel: string; ts: string },
    io: SlackSend,
  ): Promise<void> {
    await io.record(() =>
      this.helpdesk.deliveries.saveCommentPost(
        comment.id,
        'slack',
        posted.channel,
        messageId(posted.channel, posted.ts),
      ),
    );
  }

  /**
   * A redacted comment's copies, edited to the replacement. The message a person wrote stays: Slack
   * lets no bot token delete it (the command's answer says who can). A copy someone deleted is done.
   */
  private async editCopies(view: DeliveryView, place: SlackPlace): Promise<void> {
    const comment = view.comment;
    if (!comment?.redacted) return;
    for (const copy of await this.helpdesk.deliveries.commentPosts(comment.id, 'slack')) {
      const { ts } = messageRef(copy.messageId);
      const text = copyText(comment, copy.channelId === place.dmChannel ? 'dm' : 'card', view);
      await this.client.chat.update({ channel: copy.channelId, ts, text }).catch((error: unknown) => {
        if ((error as { data?: { error?: string } }).data?.error !== SlackApiError.MessageNotFound) throw error;
      });
    }
  }

  private async inDmThread(
    place: SlackPlace,
    text: string,
    io: SlackSend,
    step: string,
    blocks?: KnownBlock[],
    as: { username?: string; icon_url?: string } = {},
  ): Promise<Posted> {
    if (!place.dmChannel || !place.dmThreadTs) throw new TemporaryDeliveryError('the DM thread is not posted yet');
    return io.post(step, {
      channel: place.dmChannel,
      thread_ts: place.dmThreadTs,
      text,
      ...(blocks ? { blocks } : {}),
      ...as,
    });
  }

  /**
   * A staff member's public reply reaches the customer under that person's name and, when they are
   * on Slack, their picture (`chat:write.customize`), as if they had written in the DM themselves.
   * The picture is read once per person and remembered; without one the app's own is shown.
   */
  private async as(comment: CommentView): Promise<{ username?: string; icon_url?: string }> {
    const author = comment.author;
    if (comment.kind !== 'public' || comment.byCustomer || !author?.isStaff || !author.displayName) return {};
    const slackId = author.identities.find((i) => i.platform === 'slack')?.userId;
    let picture = slackId ? this.pictures.get(slackId) : undefined;
    if (slackId && picture === undefined) {
      const answer = await this.client.users.info({ user: slackId }).catch(() => null);
      picture = answer?.user?.profile?.image_72 ?? null;
      this.pictures.set(slackId, picture);
    }
    return { username: fitText(author.displayName, USERNAME_MAX), ...(picture ? { icon_url: picture } : {}) };
  }

  /** Staff pictures by Slack user id (null: none to show), for the replies posted under their names. */
  private readonly pictures = new Map<string, string | null>();

  /** Staff alerts go to the support channel (staff only); a major-incident proposal gets its two buttons. */
  private async alertStaff(payload: Record<string, unknown>, io: SlackSend): Promise<void> {
    const supportChannel = await this.supportChannel();
    if (!supportChannel) throw new PermanentDeliveryError('no_support_channel', 'SLACK_SUPPORT_CHANNEL is not set');
    const text = escapeMrkdwn(String(payload.text));
    const actions = Array.isArray(payload.actions) ? payload.actions : [];
    const proposalId =
      typeof payload.proposalId === 'number' && actions.includes('declare_major') && actions.includes('not_related')
        ? payload.proposalId
        : null;
    const tr = textsFor(this.helpdesk.languages.staff());
    await io.post('alert', { channel: supportChannel, text, blocks: staffAlertBlocks(tr, text, proposalId) });
  }

  private async inCardThread(place: SlackPlace, text: string, io: SlackSend, step: string): Promise<Posted> {
    if (!place.channel || !place.cardTs) throw new TemporaryDeliveryError('the card is not posted yet');
    return io.post(step, { channel: place.channel, thread_ts: place.cardTs, text });
  }

  private async dm(person: PersonView, text: string, io: SlackSend, blocks?: KnownBlock[]): Promise<void> {
    await io.post('dm', { channel: await this.openDm(person), text, ...(blocks ? { blocks } : {}) });
  }

  private async openDm(person: PersonView): Promise<string> {
    const identity = person.identities.find((i) => i.platform === 'slack');
    if (!identity) throw new PermanentDeliveryError('no_slack_identity', `person ${person.id} has no Slack identity`);
    const opened = await this.client.conversations.open({ users: identity.userId });
    return opened.channel!.id!;
  }
}

/**
 * How the bot's copy of a comment reads on each side: the customer's DM thread, or the card's
 * thread where staff work (internal notes only ever there). A redaction edits a copy to the same
 * words around the replacement.
 */
function copyText(
  comment: CommentView,
  side: 'dm' | 'card',
  view: Pick<DeliveryView, 'staffLanguage' | 'customer'>,
): string {
  // The DM thread is the customer's (their language); the card's thread is staff's.
  const say = textsFor(side === 'dm' ? view.customer.language : view.staffLanguage);
  const author = escapeMrkdwn(
    comment.author?.displayName || say(comment.byCustomer ? 'card.customer' : 'card.support'),
  );
  // A message written in Slack arrives escaped, its mentions and links as tokens; anything else is plain text.
  const body =
    comment.platform === 'slack' && comment.platformMessageId
      ? slackTextAsMrkdwn(comment.body)
      : escapeMrkdwn(comment.body);
  if (comment.kind === 'internal')
    return `:lock: *${say('card.noteBy', { name: escapeMrkdwn(comment.author?.displayName || say('card.staff')) })}* ${body}`;
  const files =
    comment.attachments.length > 0
      ? `\n${say('card.files', { names: escapeMrkdwn(comment.attachments.map((a) => a.filename).join(', ')) })}`
      : '';
  const named =
    side === 'dm'
      ? comment.byCustomer
        ? author
        : say('card.bySupport', { name: author })
      : comment.byCustomer
        ? say('card.byCustomer', { name: author })
        : author;
  return `*${named}:* ${body}${files}`;
}

/** What the cards show, in short: equal digests mean a redraw would change nothing. */
function cardsDigest(heading: string, staffCard: KnownBlock[], customerCard: KnownBlock[]): string {
  return createHash('sha1')
    .update(JSON.stringify([heading, staffCard, customerCard]))
    .digest('base64url');
}

/** Slack shows a message's `username` up to 80 characters. */
const USERNAME_MAX = 80;

/** WebClient's errors, as the dispatcher understands them. */
function translate(error: unknown): Error {
  if (
    error instanceof RateLimitedError ||
    error instanceof TemporaryDeliveryError ||
    error instanceof PermanentDeliveryError
  )
    return error;
  const e = error as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    message?: string;
  };
  if (e.code === ErrorCode.RateLimitedError) return new RateLimitedError(Math.max(1, e.retryAfter ?? 1) * 1000);
  if (e.code === ErrorCode.PlatformError) {
    const reason = e.data?.error ?? 'unknown_error';
    if (reason === SlackApiError.Ratelimited) return new RateLimitedError(1000);
    return PERMANENT.has(reason)
      ? new PermanentDeliveryError(reason, `Slack refused: ${reason}`)
      : new TemporaryDeliveryError(`Slack answered ${reason}`, { cause: error });
  }
  return new TemporaryDeliveryError(e.message ?? String(error), { cause: error });
}
