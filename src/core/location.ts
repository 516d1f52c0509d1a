import type { Platform } from './model';

/**
 * Where a ticket lives on its platform, as stored in the ticket's `location` column: one flat JSON
 * object of strings, each key prefixed with its platform (`discordThreadId`, `slackCardTs`). Read
 * it through `placeOf`, `discordPlace` or `slackPlace`, which turn the strings into typed values;
 * write it through `storedDiscordPlace` or `storedSlackPlace`.
 */
export interface TicketLocation {
  discordThreadId?: string;
  discordCardMessageId?: string;
  /** A fingerprint of the card as last drawn. */
  discordCardDrawn?: string;
  /** `'true'` while the helpdesk has the thread archived. */
  discordThreadArchived?: string;
  /** The ids the helpdesk added to the thread, comma-separated. */
  discordThreadMembers?: string;
  discordStaffThreadId?: string;
  discordQueueMessageId?: string;
  /** The opening interaction's token and application, to link its private reply once; `''` once used. */
  discordInteractionToken?: string;
  discordApplicationId?: string;
  slackChannel?: string;
  slackCardTs?: string;
  slackDmChannel?: string;
  slackDmThreadTs?: string;
  /** A digest of the cards as last redrawn. */
  slackCardsDrawn?: string;
  /** The message a ticket was opened from (the "Open a ticket" shortcut). */
  slackSourceChannel?: string;
  slackSourceTs?: string;
  /** A ticket opened by reaction: `wanted` until the threaded reply on the message is posted, then its ts. */
  slackSourceReply?: string;
}

/** Every key a location may hold: anything else is dropped when a location is read from input. */
export const LOCATION_KEYS = [
  'discordThreadId',
  'discordCardMessageId',
  'discordCardDrawn',
  'discordThreadArchived',
  'discordThreadMembers',
  'discordStaffThreadId',
  'discordQueueMessageId',
  'discordInteractionToken',
  'discordApplicationId',
  'slackChannel',
  'slackCardTs',
  'slackDmChannel',
  'slackDmThreadTs',
  'slackCardsDrawn',
  'slackSourceChannel',
  'slackSourceTs',
  'slackSourceReply',
] as const satisfies ReadonlyArray<keyof TicketLocation>;

/** A Discord ticket's private thread, its card, its notes thread in the staff channel and its queue post. */
export interface DiscordPlace {
  platform: 'discord';
  threadId?: string;
  cardMessageId?: string;
  cardDrawn?: string;
  threadArchived: boolean;
  /**
   * Who the helpdesk has added to the thread, so an assignment naming someone already there costs
   * no call. Someone who left on their own is not brought back; staff see every thread anyway.
   */
  threadMembers: string[];
  staffThreadId?: string;
  queueMessageId?: string;
  interactionToken?: string;
  applicationId?: string;
}

/** A Slack ticket's card (its thread is the staff's side) and the customer's DM thread. */
export interface SlackPlace {
  platform: 'slack';
  channel?: string;
  cardTs?: string;
  dmChannel?: string;
  dmThreadTs?: string;
  cardsDrawn?: string;
  sourceChannel?: string;
  sourceTs?: string;
  sourceReply?: string;
}

export type TicketPlace = DiscordPlace | SlackPlace;

const present = (value: string | undefined) => (value ? value : undefined);

export function discordPlace(location: TicketLocation): DiscordPlace {
  return {
    platform: 'discord',
    threadId: present(location.discordThreadId),
    cardMessageId: present(location.discordCardMessageId),
    cardDrawn: present(location.discordCardDrawn),
    threadArchived: location.discordThreadArchived === 'true',
    threadMembers: (location.discordThreadMembers ?? '').split(',').filter(Boolean),
    staffThreadId: present(location.discordStaffThreadId),
    queueMessageId: present(location.discordQueueMessageId),
    interactionToken: present(location.discordInteractionToken),
    applicationId: present(location.discordApplicationId),
  };
}

export function slackPlace(location: TicketLocation): SlackPlace {
  return {
    platform: 'slack',
    channel: present(location.slackChannel),
    cardTs: present(location.slackCardTs),
    dmChannel: present(location.slackDmChannel),
    dmThreadTs: present(location.slackDmThreadTs),
    cardsDrawn: present(location.slackCardsDrawn),
    sourceChannel: present(location.slackSourceChannel),
    sourceTs: present(location.slackSourceTs),
    sourceReply: present(location.slackSourceReply),
  };
}

/** A ticket's place on the platform it was opened on. */
export function placeOf(ticket: { platform: Platform; location: TicketLocation | null }): TicketPlace {
  const location = ticket.location ?? {};
  return ticket.platform === 'discord' ? discordPlace(location) : slackPlace(location);
}

type Patch<P> = { [K in Exclude<keyof P, 'platform'>]?: P[K] | null };

/** Discord ids to merge into a stored location; null clears one (a used interaction token). */
export function storedDiscordPlace(patch: Patch<DiscordPlace>): TicketLocation {
  const stored: TicketLocation = {};
  const text = (value: string | null | undefined) => (value === undefined ? undefined : (value ?? ''));
  if (patch.threadId !== undefined) stored.discordThreadId = text(patch.threadId);
  if (patch.cardMessageId !== undefined) stored.discordCardMessageId = text(patch.cardMessageId);
  if (patch.cardDrawn !== undefined) stored.discordCardDrawn = text(patch.cardDrawn);
  if (patch.threadArchived !== undefined) stored.discordThreadArchived = patch.threadArchived ? 'true' : 'false';
  if (patch.threadMembers !== undefined) stored.discordThreadMembers = (patch.threadMembers ?? []).join(',');
  if (patch.staffThreadId !== undefined) stored.discordStaffThreadId = text(patch.staffThreadId);
  if (patch.queueMessageId !== undefined) stored.discordQueueMessageId = text(patch.queueMessageId);
  if (patch.interactionToken !== undefined) stored.discordInteractionToken = text(patch.interactionToken);
  if (patch.applicationId !== undefined) stored.discordApplicationId = text(patch.applicationId);
  return stored;
}

/** Slack ids to merge into a stored location. */
export function storedSlackPlace(patch: Patch<SlackPlace>): TicketLocation {
  const stored: TicketLocation = {};
  const text = (value: string | null | undefined) => (value === undefined ? undefined : (value ?? ''));
  if (patch.channel !== undefined) stored.slackChannel = text(patch.channel);
  if (patch.cardTs !== undefined) stored.slackCardTs = text(patch.cardTs);
  if (patch.dmChannel !== undefined) stored.slackDmChannel = text(patch.dmChannel);
  if (patch.dmThreadTs !== undefined) stored.slackDmThreadTs = text(patch.dmThreadTs);
  if (patch.cardsDrawn !== undefined) stored.slackCardsDrawn = text(patch.cardsDrawn);
  if (patch.sourceChannel !== undefined) stored.slackSourceChannel = text(patch.sourceChannel);
  if (patch.sourceTs !== undefined) stored.slackSourceTs = text(patch.sourceTs);
  if (patch.sourceReply !== undefined) stored.slackSourceReply = text(patch.sourceReply);
  return stored;
}
