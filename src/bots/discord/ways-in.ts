import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInActionRow,
  type APIMessage,
} from 'discord.js';
import type { Service } from '../../core/rules/catalog';
import type { ChatMessage } from '../../core/services/message-tickets';
import type { ActorRef } from '../../core/services/people';
import { textsFor } from '../../core/texts';
import { servicePicker } from './guide';

/**
 * The confirmation's buttons and select: `waysin:open|cancel|service:<channel>:<message>`, the
 * message a ticket would be made of (`service`: the guide's service select, which opens it for the
 * service picked).
 */
export const WAYS_IN_PREFIX = 'waysin';

export interface WaysInButton {
  action: 'open' | 'cancel' | 'service';
  channelId: string;
  messageId: string;
}

export function parseWaysInId(customId: string): WaysInButton | null {
  const [prefix, action, channelId, messageId] = customId.split(':');
  if (prefix !== WAYS_IN_PREFIX || (action !== 'open' && action !== 'cancel' && action !== 'service')) return null;
  if (!/^\d{1,25}$/.test(channelId ?? '') || !/^\d{1,25}$/.test(messageId ?? '')) return null;
  return { action, channelId, messageId };
}

/**
 * "Open a ticket with this message?" with the message quoted, and Open / Cancel. Given the
 * catalog's services (a DM's question), the guide's service select stands in for Open: picking the
 * service is the yes.
 */
export function confirmation(
  language: string,
  at: { channelId: string; messageId: string },
  quote: string,
  forAuthor: string | null,
  services: Service[] = [],
): { content: string; components: Array<APIActionRowComponent<APIComponentInActionRow>> } {
  const say = textsFor(language);
  const question = forAuthor ? say('waysIn.confirmOpenFor', { author: `<@${forAuthor}>` }) : say('waysIn.confirmOpen');
  const id = (action: WaysInButton['action']) => `${WAYS_IN_PREFIX}:${action}:${at.channelId}:${at.messageId}`;
  const quoted = [...quote]
    .slice(0, 1500)
    .join('')
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const cancel: APIButtonComponent = {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: say('waysIn.cancel'),
    custom_id: id('cancel'),
  };
  if (services.length > 0) {
    const picker = servicePicker(services, 0, id('service'));
    return {
      content: `${question} ${say('waysInMore.pickService')}\n${quoted}`.slice(0, 2000),
      components: [...picker.components, { type: ComponentType.ActionRow, components: [cancel] }],
    };
  }
  return {
    content: `${question}\n${quoted}`.slice(0, 2000),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Primary, label: say('waysIn.open'), custom_id: id('open') },
          cancel,
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
