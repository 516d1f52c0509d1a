import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type AutocompleteInteraction,
} from 'discord.js';
import type { Translate } from '../reader';
import { interactionActor } from './actor';
import type { DiscordContext } from './context';

/**
 * The Discord side of saved replies: the preview's buttons (`savedreply:send|edit:<ticket>:<name>`,
 * the reply named again so Send fills it in afresh), and the names offered as someone types one.
 */
export const SAVED_REPLY_PREFIX = 'savedreply';

export interface SavedReplyButton {
  action: 'send' | 'edit';
  ticketNumber: number;
  name: string;
}

export const savedReplyButtonId = (action: SavedReplyButton['action'], ticketNumber: number, name: string) =>
  `${SAVED_REPLY_PREFIX}:${action}:${ticketNumber}:${name}`;

export function parseSavedReplyId(customId: string): SavedReplyButton | null {
  const [prefix, action, number, ...name] = customId.split(':');
  if (prefix !== SAVED_REPLY_PREFIX || (action !== 'send' && action !== 'edit')) return null;
  if (!/^\d{1,9}$/.test(number ?? '') || name.length === 0) return null;
  return { action, ticketNumber: Number(number), name: name.join(':') };
}

/** Send and Edit under the preview of a filled-in reply. */
export function previewButtons(
  tr: Translate,
  ticketNumber: number,
  name: string,
): Array<APIActionRowComponent<APIButtonComponent>> {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Primary,
          label: tr('savedRepliesChat.send'),
          custom_id: savedReplyButtonId('send', ticketNumber, name),
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: tr('savedRepliesChat.edit'),
          custom_id: savedReplyButtonId('edit', ticketNumber, name),
        },
      ],
    },
  ];
}

/** Discord offers at most 25 choices as someone types. */
const CHOICES_MAX = 25;

/**
 * The saved replies whose names hold what is typed so far (`/reply`, `/helpdesk replies edit|remove`).
 * Someone who may not use them (a customer) is offered none: the command itself says why.
 */
export async function answerReplyNames(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).toLowerCase();
  const names = await ctx.helpdesk.savedReplies
    .list(interactionActor(interaction))
    .then((replies) => replies.map((r) => r.name))
    .catch(() => [] as string[]);
  const matching = names.filter((name) => name.toLowerCase().includes(typed)).slice(0, CHOICES_MAX);
  await interaction.respond(matching.map((name) => ({ name, value: name })));
}
