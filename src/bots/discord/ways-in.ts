import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIMessage,
} from 'discord.js';
import type { ChatMessage } from '../../core/services/message-tickets';
import type { ActorRef } from '../../core/services/people';
import { textsFor } from '../../core/texts';
import type { DiscordContext } from './context';

/** The confirmation's buttons: `waysin:open|cancel:<channel>:<message>`, the message a ticket would be made of. */
export const WAYS_IN_PREFIX = 'waysin';

export interface WaysInButton {
  action: 'open' | 'cancel';
  channelId: string;
  messageId: string;
}

export function parseWaysInId(customId: string): WaysInButton | null {
  const [prefix, action, channelId, messageId] = customId.split(':');
  if (prefix !== WAYS_IN_PREFIX || (action !== 'open' && action !== 'cancel')) return null;
  if (!/^\d{1,25}$/.test(channelId ?? '') || !/^\d{1,25}$/.test(messageId ?? '')) return null;
  return { action, channelId, messageId };
}

/** "Open a ticket with this message?" with the message quoted, and Open / Cancel. */
export function confirmation(
  language: string,
  at: { channelId: string; messageId: string },
  quote: string,
  forAuthor: string | null,
): { content: string; components: Array<APIActionRowComponent<APIButtonComponent>> } {
  const say = textsFor(language);
  const question = forAuthor ? say('waysIn.confirmOpenFor', { author: `<@${forAuthor}>` }) : say('waysIn.confirmOpen');
  const quoted = [...quote]
    .slice(0, 1500)
    .join('')
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const id = (action: WaysInButton['action']) => `${WAYS_IN_PREFIX}:${action}:${at.channelId}:${at.messageId}`;
  return {
    content: `${question}\n${quoted}`.slice(0, 2000),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Primary, label: say('waysIn.open'), custom_id: id('open') },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: say('waysIn.cancel'),
            custom_id: id('cancel'),
          },
        ],
      },
    ],
  };
}

/** The person who wrote a message, as the core names them; null for a bot's or a webhook's. */
export function authorOfMessage(message: Pick<APIMessage, 'author' | 'webhook_id'>): ActorRef | null {
  if (message.author.bot || message.webhook_id) return null;
  return {
    platform: 'discord',
    userId: message.author.id,
    displayName: message.author.global_name || message.author.username,
  };
}

export function chatMessage(channelId: string, messageId: string, author: ActorRef | null): ChatMessage {
  return { platform: 'discord', channelId, messageId, author };
}

/**
 * The question each person has open in their DM with the bot (the bot's message asking it): a
 * second DM while it is open updates that question rather than asking again. Kept by this process
 * only; after a restart the next DM simply asks afresh.
 */
const openQuestions = new WeakMap<DiscordContext, Map<string, { channelId: string; questionId: string }>>();

export function questionsOf(ctx: DiscordContext): Map<string, { channelId: string; questionId: string }> {
  let questions = openQuestions.get(ctx);
  if (!questions) openQuestions.set(ctx, (questions = new Map()));
  return questions;
}
