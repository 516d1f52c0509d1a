import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk setup [channel:#channel]` (admins): the support channel, where new tickets get their private thread. */
export const name = 'helpdesk setup';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const named = interaction.options.getChannel('channel');
    // Private threads live in a text channel, so run in a thread (a ticket's), it needs the option.
    if (!named && interaction.channel?.isThread())
      return tr('answers.setup.inThread', { example: '/helpdesk setup channel:#support' });
    const channelId = named?.id ?? interaction.channelId;
    await ctx.helpdesk.settings.set(interactionActor(interaction), {
      key: 'discord.support_channel',
      value: channelId,
    });
    return `${tr('answers.setup.done', { channel: `<#${channelId}>` })} ${tr('discord.setupPermissions')}`;
  });
}
