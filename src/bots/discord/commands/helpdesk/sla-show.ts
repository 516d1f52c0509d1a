import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { slaText } from '../../sla-text';

/** `/helpdesk sla show` (admins): the targets per priority and the business hours, as the SLA article says them. */
export const name = 'helpdesk sla show';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) =>
    slaText(await ctx.helpdesk.sla.show(interactionActor(interaction)), tr),
  );
}
