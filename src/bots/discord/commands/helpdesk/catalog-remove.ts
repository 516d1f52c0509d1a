import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk catalog remove ID` (admins): archived, so tickets keep the service they were opened for. */
export const name = 'helpdesk catalog remove';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const service = await ctx.helpdesk.catalog.remove(interactionActor(interaction), {
      id: interaction.options.getInteger('id', true),
    });
    return tr('answers.catalog.removed', { name: service.name, id: service.id });
  });
}
