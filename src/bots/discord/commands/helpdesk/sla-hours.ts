import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { slaText } from '../../sla-text';

/** `/helpdesk sla hours hours:"Mon-Fri 08:00-16:00 Europe/Copenhagen"` or `off` (admins): when the SLA clock runs. */
export const name = 'helpdesk sla hours';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const setup = await ctx.helpdesk.sla.setHours(interactionActor(interaction), {
      hours: interaction.options.getString('hours', true),
    });
    return slaText(setup, tr, tr('answers.sla.saved'));
  });
}
