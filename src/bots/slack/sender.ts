import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
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
import { t } from '../../core/texts';
import { postOnce, type Posted, type SlackPost } from './post-once';

/** One send's means: the dispatcher's (abort signal, recording) and posting each step of the delivery once. */
interface SlackSend extends SendOptions {
  post(step: string, message: SlackPost): Promise<Posted>;
}

/** Slack errors that no retry will fix: the dispatcher marks the delivery failed with this code. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'cannot_dm_bot',
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'missing_scope',
  'msg_too_long',
  'invalid_blocks',
  'message_not_found',
  'cant_update_message',
]);

interface SlackPlace {
  slackChannel?: string;
  slackCardTs?: string;
  slackDmChannel?: string;
  slackDmThreadTs?: string;
  /** A digest of the cards as last redrawn (see updateCards). */
  slackCardsDrawn?: string;
  /** A ticket opened from a message by reaction: the message, and `wanted` until its threaded reply is posted. */
  slackSourceChannel?: string;
  slackSourceTs?: string;
  slackSourceReply?: string;
}

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
    private readonly supportChannel: string | undefined,
    private readonly homes: HomeRefresher,
  ) {}

  async send(delivery: OutgoingDelivery, options: SendOptions): Promise<void> {
    try {
      await this.carryOut(delivery, {
        ...options,
        post: (step, message) => postOnce(this.client, delivery, step, message),
      });
    } catch (error) {
      throw translate(error);
    }
  }

  private async carryOut(delivery: OutgoingDelivery, io: SlackSend): Promise<void> {
    const payload = delivery.payload;
    if (delivery.kind === 'person.dm') {
      const personId = Number(delivery.destination.split(':')[1]);
      const person = await this.helpdesk.deliveries.person(personId);
      const text = escapeMrkdwn(String(payload.text));
      // A link code's owner answers its redemption with the buttons under the prompt.
      if (typeof payload.linkCode === 'string')
        return this.dm(person, text, io, linkPromptBlocks(text, payload.linkCode));
      return this.dm(person, text, io);
    }
    if (delivery.kind === 'staff.alert') return this.alertStaff(payload, io);
    if (delivery.kind === 'major.proposal')
      return sendProposalAlert(this.helpdesk, this.client, this.supportChannel, delivery, io);
    if (delivery.kind === 'person.erased') {
      await deleteOwnDirectMessages(this.client, String(payload.userId));
      return io.record(() => this.helpdesk.deliveries.clearPayload(delivery.id));
    }
    if (!delivery.ticketId || delivery.kind === 'ticket.member') return; // Slack threads have no members to add.
    const commentId = typeof payload.commentId === 'number' ? payload.commentId : undefined;
    const view = await this.helpdesk.deliveries.forTicket(delivery.ticketId, commentId);
    const place = view.ticket.location as SlackPlace;
    switch (delivery.kind) {
      case 'ticket.created':
        await this.postTicket(view, place, io);
        if (place.slackSourceReply === 'wanted') await this.replyOnSource(view, place, io);
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
    const customerCard = customerCardBlocks(view.card, number);
    // Both drawn now from this view: the first redraw that would repeat them is skipped (see updateCards).
    let cardPostedNow = false;
    if (!place.slackCardTs) {
      if (!this.supportChannel)
        throw new PermanentDeliveryError('no_support_channel', 'SLACK_SUPPORT_CHANNEL is not set');
      const posted = await io.post('card', {
        channel: this.supportChannel,
        text: escapeMrkdwn(view.card.heading),
        blocks: staffCard,
      });
      cardPostedNow = !posted.earlier;
      const card = { slackCardTs: posted.ts, slackChannel: posted.channel };
      Object.assign(place, card);
      await io.record(() => this.helpdesk.deliveries.saveLocation(view.ticket.id, card));
    }
    if (io.signal.aborted) throw new TemporaryDeliveryError('lease ran out before the DM was posted');
    if (!place.slackDmThreadTs) {
      const dmChannel = await this.openDm(view.customer);
      const posted = await io.post('dm-card', {
        channel: dmChannel,
        text: `Your ticket ${escapeMrkdwn(view.card.heading)}`,
        blocks: customerCard,
      });
      place.slackDmChannel = posted.channel;
      place.slackDmThreadTs = posted.ts;
      // A card posted by an earlier try may show an older ticket: then no digest, and the next redraw draws it.
      const saved: Record<string, string> = {
        slackDmChannel: place.slackDmChannel,
        slackDmThreadTs: place.slackDmThreadTs,
      };
      if (cardPostedNow && !posted.earlier)
        saved.slackCardsDrawn = cardsDigest(view.card.heading, staffCard, customerCard);
      await io.record(() => this.helpdesk.deliveries.saveLocation(view.ticket.id, saved));
    }
  }

  /**
   * The message a reaction made a ticket of gets a threaded reply with its number, in the helpdesk's
   * language (the channel is everyone's). A channel the app has left since is no reason to retry.
   */
  private async replyOnSource(view: DeliveryView, place: SlackPlace, io: SlackSend): Promise<void> {
    if (!place.slackSourceChannel || !place.slackSourceTs) return;
    const text = t(this.helpdesk.ctx.policy.language, 'waysIn.sourceReply', { number: view.ticket.number });
    let reply: string;
    try {
      reply = (
        await io.post('source-reply', { channel: place.slackSourceChannel, thread_ts: place.slackSourceTs, text })
      ).ts;
    } catch (error) {
      const translated = translate(error);
      if (!(translated instanceof PermanentDeliveryError)) throw translated;
      reply = 'refused';
    }
    place.slackSourceReply = reply;
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
    const customerCard = customerCardBlocks(view.card, number);
    const drawn = cardsDigest(view.card.heading, staffCard, customerCard);
    if (place.slackCardsDrawn === drawn) return false;
    if (place.slackChannel && place.slackCardTs) {
      await this.client.chat.update({
        channel: place.slackChannel,
        ts: place.slackCardTs,
        text: escapeMrkdwn(view.card.heading),
        blocks: staffCard,
      });
    }
    if (place.slackDmChannel && place.slackDmThreadTs) {
      await this.client.chat.update({
        channel: place.slackDmChannel,
        ts: place.slackDmThreadTs,
        text: `Your ticket ${escapeMrkdwn(view.card.heading)}`,
        blocks: customerCard,
      });
    }
    await io.record(() => this.helpdesk.deliveries.saveLocation(view.ticket.id, { slackCardsDrawn: drawn }));
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
    if (!cameFrom(place.slackDmChannel, place.slackDmThreadTs)) {
      await this.recordCopy(comment, await this.inDmThread(place, copyText(comment, 'dm'), io, 'dm'), io);
    }
    if (!cameFrom(place.slackChannel, place.slackCardTs)) {
      await this.recordCopy(comment, await this.inCardThread(place, copyText(comment, 'card'), io, 'card'), io);
    }
  }

  /** Internal notes stay in the channel thread; one written there already is where it belongs. */
  private async postNote(view: DeliveryView, place: SlackPlace, io: SlackSend): Promise<void> {
    const comment = view.comment;
    if (
      !comment ||
      (comment.platformMessageId &&
        place.slackChannel &&
        comment.platformMessageId.startsWith(`${place.slackChannel}:`))
    )
      return;
    await this.recordCopy(comment, await this.inCardThread(place, copyText(comment, 'card'), io, 'card'), io);
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
      const text = copyText(comment, copy.channelId === place.slackDmChannel ? 'dm' : 'card');
      await this.client.chat.update({ channel: copy.channelId, ts, text }).catch((error: unknown) => {
        if ((error as { data?: { error?: string } }).data?.error !== 'message_not_found') throw error;
      });
    }
  }

  private async inDmThread(
    place: SlackPlace,
    text: string,
    io: SlackSend,
    step: string,
    blocks?: KnownBlock[],
  ): Promise<Posted> {
    if (!place.slackDmChannel || !place.slackDmThreadTs)
      throw new TemporaryDeliveryError('the DM thread is not posted yet');
    return io.post(step, {
      channel: place.slackDmChannel,
      thread_ts: place.slackDmThreadTs,
      text,
      ...(blocks ? { blocks } : {}),
    });
  }

  /** Staff alerts go to the support channel (staff only); a major-incident proposal gets its two buttons. */
  private async alertStaff(payload: Record<string, unknown>, io: SlackSend): Promise<void> {
    if (!this.supportChannel)
      throw new PermanentDeliveryError('no_support_channel', 'SLACK_SUPPORT_CHANNEL is not set');
    const text = escapeMrkdwn(String(payload.text));
    const actions = Array.isArray(payload.actions) ? payload.actions : [];
    const proposalId =
      typeof payload.proposalId === 'number' && actions.includes('declare_major') && actions.includes('not_related')
        ? payload.proposalId
        : null;
    await io.post('alert', { channel: this.supportChannel, text, blocks: staffAlertBlocks(text, proposalId) });
  }

  private async inCardThread(place: SlackPlace, text: string, io: SlackSend, step: string): Promise<Posted> {
    if (!place.slackChannel || !place.slackCardTs) throw new TemporaryDeliveryError('the card is not posted yet');
    return io.post(step, { channel: place.slackChannel, thread_ts: place.slackCardTs, text });
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
function copyText(comment: CommentView, side: 'dm' | 'card'): string {
  const author = escapeMrkdwn(comment.author?.displayName || (comment.byCustomer ? 'Customer' : 'Support'));
  // A message written in Slack arrives escaped, its mentions and links as tokens; anything else is plain text.
  const body =
    comment.platform === 'slack' && comment.platformMessageId
      ? slackTextAsMrkdwn(comment.body)
      : escapeMrkdwn(comment.body);
  if (comment.kind === 'internal')
    return `:lock: *Internal note by ${escapeMrkdwn(comment.author?.displayName || 'staff')}:* ${body}`;
  const files =
    comment.attachments.length > 0
      ? `\n(files: ${escapeMrkdwn(comment.attachments.map((a) => a.filename).join(', '))})`
      : '';
  const role = side === 'dm' ? (comment.byCustomer ? '' : ' (support)') : comment.byCustomer ? ' (customer)' : '';
  return `*${author}${role}:* ${body}${files}`;
}

/** What the cards show, in short: equal digests mean a redraw would change nothing. */
function cardsDigest(heading: string, staffCard: KnownBlock[], customerCard: KnownBlock[]): string {
  return createHash('sha1')
    .update(JSON.stringify([heading, staffCard, customerCard]))
    .digest('base64url');
}

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
  if (e.code === 'slack_webapi_rate_limited_error') return new RateLimitedError(Math.max(1, e.retryAfter ?? 1) * 1000);
  if (e.code === 'slack_webapi_platform_error') {
    const reason = e.data?.error ?? 'unknown_error';
    if (reason === 'ratelimited') return new RateLimitedError(1000);
    return PERMANENT.has(reason)
      ? new PermanentDeliveryError(reason, `Slack refused: ${reason}`)
      : new TemporaryDeliveryError(`Slack answered ${reason}`, { cause: error });
  }
  return new TemporaryDeliveryError(e.message ?? String(error), { cause: error });
}
