import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk replies remove NAME` (admins): archived, so its revisions and its count stay. */
export const name = 'helpdesk replies remove';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const reply = await ctx.helpdesk.savedReplies.remove(interactionActor(interaction), {
      name: interaction.options.getString('name', true),
    });
    return tr('savedRepliesChat.removed', { name: reply.name });
  });
}
