import { DiscordAPIError, RESTJSONErrorCodes, Routes, type REST } from 'discord.js';
import type { Settings } from '../../config';
import { messages, priorityLabel, typeLabel } from '../../core/rules/messages';
import { t, type Language } from '../../core/texts';
import type { DeliveryView } from '../../core/services/delivery-view';
import type { ErasedPlaces } from '../../core/services/erasure';
import { discordPlace } from '../../core/location';

type Deps = { rest: REST; settings: Pick<Settings, 'DISCORD_STAFF_CHANNEL_ID'> };

/** A message or channel already gone needs nothing more. */
function unlessGone(error: unknown): void {
  if (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownChannel || error.code === RESTJSONErrorCodes.UnknownMessage)
  )
    return;
  throw error;
}

/** What the queue post in the staff channel says of a ticket nobody has taken yet. */
export const queueText = (ticket: DeliveryView['ticket'], language: Language) =>
  t(language, 'card.queued', {
    number: ticket.number,
    title: ticket.title,
    type: typeLabel(language, ticket.type),
    priority: priorityLabel(language, ticket.priority),
  });

/**
 * A ticket's title or description was redacted: the bot's posts that show it are redrawn (the
 * thread names, the card and the "opened" notice it carries, the queue post). An archived thread
 * is opened for the change and archived again.
 */
export async function redactTicketOnDiscord(
  { rest }: Deps,
  view: DeliveryView,
  signal: AbortSignal,
  redrawCard: () => Promise<void>,
): Promise<void> {
  const { ticket } = view;
  const place = discordPlace(ticket.location);
  const threadId = place.threadId;
  if (threadId) {
    await rest
      .patch(Routes.channel(threadId), {
        body: { archived: false, name: `#${ticket.number} ${ticket.title}`.slice(0, 100) },
        signal,
      })
      .catch(unlessGone);
    const cardId = place.cardMessageId;
    if (cardId)
      await rest
        .patch(Routes.channelMessage(threadId, cardId), { body: { content: messages.opened(ticket) }, signal })
        .catch(unlessGone);
  }
  const staffThreadId = place.staffThreadId;
  if (staffThreadId)
    await rest
      .patch(Routes.channel(staffThreadId), {
        body: { name: `#${ticket.number} ${ticket.title} (notes)`.slice(0, 100) },
        signal,
      })
      .catch(unlessGone);
  if (threadId) await redrawCard();
}

/** The staff channel's queue post, redrawn with the ticket's text as it is now. */
export async function redrawQueuePost({ rest, settings }: Deps, view: DeliveryView, signal: AbortSignal) {
  const queued = discordPlace(view.ticket.location).queueMessageId;
  const staffChannel = settings.DISCORD_STAFF_CHANNEL_ID;
  if (!queued || !staffChannel) return;
  await rest
    .patch(Routes.channelMessage(staffChannel, queued), {
      body: { content: queueText(view.ticket, view.staffLanguage) },
      signal,
    })
    .catch(unlessGone);
}

/**
 * An erased person's ticket: its thread and its staff thread are deleted whole (every message in
 * them, whoever wrote it; Manage Threads allows it), and the queue post with them. Threads Discord
 * refused to delete are returned, for staff to delete by hand.
 */
export async function eraseTicketOnDiscord(
  { rest, settings }: Deps,
  places: ErasedPlaces,
  signal: AbortSignal,
): Promise<{ refused: string[] }> {
  const refused: string[] = [];
  for (const threadId of places.threads ?? []) {
    await rest.delete(Routes.channel(threadId), { signal }).catch((error: unknown) => {
      if (
        error instanceof DiscordAPIError &&
        (error.status === 403 || error.code === RESTJSONErrorCodes.MissingPermissions)
      )
        refused.push(threadId);
      else unlessGone(error);
    });
  }
  for (const message of places.messages ?? []) {
    const channel = message.channel === 'staff' ? settings.DISCORD_STAFF_CHANNEL_ID : message.channel;
    if (channel) await rest.delete(Routes.channelMessage(channel, message.id), { signal }).catch(unlessGone);
  }
  return { refused };
}

/**
 * An erased person's DM channel with the bot: every message the bot wrote there is deleted (a bot
 * may delete its own messages anywhere). Someone Discord no longer lets the bot write to has no
 * conversation to clean.
 */
export async function eraseDirectMessagesOnDiscord({ rest }: Deps, userId: string, signal: AbortSignal): Promise<void> {
  const me = (await rest.get(Routes.user(), { signal })) as { id: string };
  let channelId: string;
  try {
    channelId = ((await rest.post(Routes.userChannels(), { body: { recipient_id: userId }, signal })) as { id: string })
      .id;
  } catch (error) {
    if (
      error instanceof DiscordAPIError &&
      [
        RESTJSONErrorCodes.UnknownUser,
        RESTJSONErrorCodes.CannotSendMessagesToThisUser,
        RESTJSONErrorCodes.InvalidRecipients,
      ].includes(Number(error.code))
    )
      return;
    throw error;
  }
  let before: string | undefined;
  for (;;) {
    const page = (await rest.get(Routes.channelMessages(channelId), {
      query: new URLSearchParams({ limit: '100', ...(before ? { before } : {}) }),
      signal,
    })) as Array<{ id: string; author: { id: string } }>;
    for (const message of page)
      if (message.author.id === me.id)
        await rest.delete(Routes.channelMessage(channelId, message.id), { signal }).catch(unlessGone);
    if (page.length < 100) return;
    before = page[page.length - 1].id;
  }
}
