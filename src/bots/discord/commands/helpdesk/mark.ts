import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk mark sla|catalog ID` (admins): the article customers are shown as the SLA or the service catalog. */
export const name = 'helpdesk mark';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const special = interaction.options.getString('kind', true);
    const id = interaction.options.getInteger('id', true);
    const article = await ctx.helpdesk.knowledge.markSpecial(interactionActor(interaction), {
      id,
      special,
    });
    return tr(special === 'sla' ? 'answers.mark.sla' : 'answers.mark.catalog', {
      id: article.id,
      title: article.title,
    });
  });
}
