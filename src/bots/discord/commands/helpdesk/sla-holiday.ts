import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { slaText } from '../../sla-text';

/** `/helpdesk sla holiday action:add|remove date:2026-12-24` (admins): a day the business-hours clock stands still. */
export const name = 'helpdesk sla holiday';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const setup = await ctx.helpdesk.sla.holiday(interactionActor(interaction), {
      action: interaction.options.getString('action', true),
      date: interaction.options.getString('date', true),
    });
    return slaText(setup, tr, tr('answers.sla.saved'));
  });
}
