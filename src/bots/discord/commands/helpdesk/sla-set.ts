import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { slaText } from '../../sla-text';

/** `/helpdesk sla set priority:P1 first_response:1h resolution:4h` (admins; either target may be left out). */
export const name = 'helpdesk sla set';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const setup = await ctx.helpdesk.sla.setTargets(interactionActor(interaction), {
      priority: interaction.options.getString('priority', true),
      firstResponse: interaction.options.getString('first_response') ?? undefined,
      resolution: interaction.options.getString('resolution') ?? undefined,
    });
    return slaText(setup, tr, tr('answers.sla.saved'));
  });
}
